import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type SagsflowDatabase } from '../../db/client';
import { generateLog } from '../../generate/index';
import { ingestFiles } from '../../ingest/index';
import { tempDir } from '../../testing/ingest-fixtures';
import { createToken } from '../../tokens';
import { createApp, type SagsflowApp } from '../../app';
import { loadModel } from '../../conformance/load-model';
import { processEntry } from '../../processes/index';
import { catalogueForLoad } from '../../rules/attach';

/**
 * The attacks of issue 13 with a viewer token on a 400-case generated log loaded with its
 * process's rule catalogue and BPMN model: small rows through every entity set, every CSV table
 * and every REST route, and the subtraction of two REST answers.
 */
const K = 5;
/** Columns that count cases or events; in what a viewer gets each is 0 or at least k. */
const COUNT_COLUMNS =
  /^(cases|events|transitions|repeats|self_loops|instances|open_cases|h\d\d|d\d\d|aligned_cases|fitting_cases|token_fitting_cases|log_moves|model_moves|log_move_cases|model_move_cases)$/;

type Json = Record<string, unknown>;
const MODEL_SETS = ['Steps', 'Variants', 'Edges', 'Activities', 'Periods', 'Jobcenters', 'Compliance', 'ConformanceVariants'];
/** Viewer-grade sets that may be empty on this log: the variants a viewer sees as themselves all fit the model. */
const VIEWER_SETS = [...MODEL_SETS, 'ConformanceActivities', 'Findings'];
/** Keys of REST answers that count cases, events, transitions, rule statuses or deviations. */
const REST_COUNT_KEYS =
  /^(cases|count|events|repeats|selfLoops|fulfilled|violated|pending|notApplicable|other|casesOverBudget|logMoves|modelMoves|logMoveCases|modelMoveCases)$/;

/** RFC 4180 records (quoted fields with doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  return records;
}

function smallCounts(rows: Json[], where: string): string[] {
  const out: string[] = [];
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      if (COUNT_COLUMNS.test(name) && typeof value === 'number' && value > 0 && value < K)
        out.push(`${where}: ${name}=${value} in ${JSON.stringify(row).slice(0, 120)}`);
    }
  }
  return out;
}

/** Every number in a REST answer under a key that counts cases, events or transitions. */
function smallRestCounts(value: unknown, path: string, out: string[]): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => smallRestCounts(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (REST_COUNT_KEYS.test(k) && typeof v === 'number' && v > 0 && v < K) out.push(`${path}.${k}=${v}`);
      smallRestCounts(v, `${path}.${k}`, out);
    }
  }
  return out;
}

describe('viewer privacy: no figure a viewer gets depends on fewer than k cases', () => {
  const t = tempDir();
  let store: SagsflowDatabase;
  let app: SagsflowApp;
  const tokens = { viewer: '', analyst: '', limited: '' };
  let jobcenters: string[] = [];
  const get = (path: string, token: string) => app.request(path, { headers: { Authorization: `Bearer ${token}` } });
  const json = async (path: string, token = tokens.viewer) => {
    const res = await get(path, token);
    expect(res.status, path).toBe(200);
    return (await res.json()) as Json;
  };
  async function allRows(set: string, token: string): Promise<Json[]> {
    const rows: Json[] = [];
    let url: string | undefined = `/odata/${set}`;
    while (url) {
      const body = (await json(url.replace('http://localhost', ''), token)) as { value: Json[]; '@odata.nextLink'?: string };
      rows.push(...body.value);
      url = body['@odata.nextLink'];
    }
    return rows;
  }

  beforeAll(async () => {
    const file = t.path('dagpenge.csv');
    await generateLog({ process: 'dagpenge', cases: 400, seed: 13, deviations: true, out: file });
    store = openDatabase(':memory:');
    const rules = await catalogueForLoad({ process: 'dagpenge' });
    await ingestFiles(store, {
      files: [file],
      log: 'pilot',
      process: 'dagpenge',
      model: await loadModel(processEntry('dagpenge').modelPath),
      ...(rules ? { rules } : {}),
    });
    jobcenters = store.sqlite.prepare('SELECT DISTINCT jobcenter FROM cases ORDER BY 1').pluck().all() as string[];
    tokens.viewer = createToken(store.db, { role: 'viewer' }).token;
    tokens.analyst = createToken(store.db, { role: 'analyst' }).token;
    tokens.limited = createToken(store.db, { role: 'viewer', jobcenters: [jobcenters[0]!] }).token;
    app = createApp({
      db: store.db,
      sqlite: store.sqlite,
      dbPath: store.path,
      uploadDir: mkdtempSync(join(tmpdir(), 'sagsflow-up-')),
      pageSize: 500,
      log: () => {},
      preview: false,
    });
  }, 60_000);
  afterAll(() => {
    app.close();
    store.close();
    t.remove();
  });

  it('an analyst reads the exact tables, small rows included (the attack surface is real)', async () => {
    const steps = await allRows('Steps', tokens.analyst);
    expect(steps.filter((r) => (r['cases'] as number) < K).length).toBeGreaterThan(100);
    const variants = await allRows('Variants', tokens.analyst);
    expect(variants.some((r) => r['cases'] === 1)).toBe(true);
    const compliance = await allRows('Compliance', tokens.analyst);
    expect(compliance.filter((r) => (r['cases'] as number) < K).length).toBeGreaterThan(10);
    const conformance = await allRows('ConformanceVariants', tokens.analyst);
    expect(conformance.filter((r) => (r['cases'] as number) < K).length).toBeGreaterThan(10);
  });

  it("every entity set in a viewer's service document has no count in 1..k-1, for an unlimited and a limited token", async () => {
    for (const token of [tokens.viewer, tokens.limited]) {
      const sets = ((await json('/odata/', token)) as { value: { name: string }[] }).value.map((s) => s.name);
      expect(sets).toEqual(expect.arrayContaining(VIEWER_SETS));
      for (const set of sets) {
        const rows = await allRows(set, token);
        if (MODEL_SETS.includes(set) && token === tokens.viewer) expect(rows.length, set).toBeGreaterThan(0);
        expect(smallCounts(rows, set), set).toEqual([]);
      }
    }
  });

  it('every CSV table a viewer may download has no count in 1..k-1', async () => {
    const sets = ((await json('/odata/')) as { value: { name: string }[] }).value.map((s) => s.name);
    for (const set of sets) {
      const res = await get(`/api/tables/${set.toLowerCase()}.csv`, tokens.viewer);
      expect(res.status, set).toBe(200);
      const [names, ...records] = parseCsv((await res.text()).replace('\uFEFF', ''));
      const rows = records.map((r) => Object.fromEntries(r.map((v, i) => [names![i]!, /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v])));
      if (MODEL_SETS.includes(set)) expect(rows.length, set).toBeGreaterThan(0);
      expect(smallCounts(rows, `${set}.csv`)).toEqual([]);
    }
  });

  it('every REST route a viewer may call, per jobcenter and per period, has no count in 1..k-1 and no duration of fewer than k cases', async () => {
    const periods = store.sqlite.prepare('SELECT DISTINCT period FROM cases ORDER BY 1 LIMIT 6').pluck().all() as string[];
    const queries = ['', ...jobcenters.map((j) => `?jobcenter=${encodeURIComponent(j)}`), ...periods.map((p) => `?period=${p}`)];
    const found: string[] = [];
    for (const q of queries) {
      for (const route of ['map', 'variants', 'activities', 'compliance', 'conformance']) {
        const body = await json(`/api/logs/pilot/${route}${q}`);
        smallRestCounts(body, `${route}${q}`, found);
        for (const v of (body['variants'] ?? []) as Json[])
          if (typeof v['cases'] !== 'number' || (v['cases'] as number) < K) expect(v['meanSeconds']).toBeNull();
      }
    }
    smallRestCounts(await json('/api/logs'), 'logs', found);
    smallRestCounts(await json('/api/logs/pilot'), 'logs/pilot', found);
    expect(found).toEqual([]);
    expect((await get('/api/logs/pilot/report.html', tokens.viewer)).status).toBe(403);
    const findings = (await json('/api/logs/pilot/findings'))['findings'] as Json[];
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) for (const key of ['cases', 'valueDkk', 'evidence']) expect(f, key).not.toHaveProperty(key);
  });

  it('subtracting /variants with every variant but one single-case variant from /variants gives no case (20 groups tried)', async () => {
    const groups = store.sqlite
      .prepare(
        'SELECT jobcenter, period FROM variants WHERE cases = 1 GROUP BY jobcenter, period ORDER BY count(*) DESC, jobcenter, period LIMIT 20',
      )
      .all() as { jobcenter: string; period: string }[];
    expect(groups.length).toBe(20);
    const leaks: string[] = [];
    for (const g of groups) {
      const keys = store.sqlite
        .prepare('SELECT variant_key AS key, cases FROM variants WHERE jobcenter = ? AND period = ?')
        .all(g.jobcenter, g.period) as { key: string; cases: number }[];
      const single = keys.find((k) => k.cases === 1)!;
      const base = `/api/logs/pilot/variants?jobcenter=${encodeURIComponent(g.jobcenter)}&period=${g.period}`;
      const all = await json(base);
      const rest = await json(
        `${base}&variant=${keys
          .filter((k) => k !== single)
          .map((k) => k.key)
          .join(',')}`,
      );
      const totals = (b: Json) => {
        const vs = b['variants'] as Json[];
        const cases = typeof b['cases'] === 'number' ? (b['cases'] as number) : 0;
        const seconds = vs.reduce(
          (s, v) =>
            s +
            (typeof v['meanSeconds'] === 'number' && typeof v['cases'] === 'number'
              ? (v['meanSeconds'] as number) * (v['cases'] as number)
              : 0),
          0,
        );
        return { cases, seconds };
      };
      const a = totals(all);
      const b = totals(rest);
      const diff = a.cases - b.cases;
      if (diff > 0 && diff < K) leaks.push(`${g.jobcenter} ${g.period}: ${diff} case(s), ${a.seconds - b.seconds} s`);
      expect(JSON.stringify(all)).not.toContain(single.key);
    }
    expect(leaks).toEqual([]);
  });

  it('subtracting /compliance and /conformance answers (all, per jobcenter, per month) gives no count under k', async () => {
    const months = store.sqlite.prepare('SELECT DISTINCT period FROM cases ORDER BY 1').pluck().all() as string[];
    type Counts = Map<string, number>;
    const counts = async (q: string): Promise<Counts> => {
      const body = await json(`/api/logs/pilot/compliance${q}`);
      const out: Counts = new Map();
      for (const rule of body['rules'] as Json[])
        for (const status of ['fulfilled', 'violated', 'pending', 'notApplicable', 'other'])
          out.set(`${rule['rule'] as string} ${status}`, typeof rule[status] === 'number' ? (rule[status] as number) : 0);
      return out;
    };
    const leaks: string[] = [];
    const check = (what: string, whole: Counts, part: Counts) => {
      for (const [key, n] of whole) {
        const diff = n - (part.get(key) ?? 0);
        if (diff > 0 && diff < K) leaks.push(`${what} ${key}: ${diff}`);
      }
    };
    const all = await counts('');
    expect([...all.values()].some((n) => n >= K)).toBe(true);
    for (const j of jobcenters) {
      const q = `?jobcenter=${encodeURIComponent(j)}`;
      const byJobcenter = await counts(q);
      check(`all - ${j}`, all, byJobcenter);
      for (const m of months.slice(0, 8)) check(`${j} - ${j} ${m}`, byJobcenter, await counts(`${q}&month=${m}`));
    }
    for (const m of months.slice(0, 8)) check(`all - ${m}`, all, await counts(`?month=${m}`));
    const conformance = async (q: string): Promise<Counts> => {
      const body = await json(`/api/logs/pilot/conformance${q}`);
      return new Map([['conformance cases', typeof body['cases'] === 'number' ? (body['cases'] as number) : 0]]);
    };
    const whole = await conformance('');
    for (const j of jobcenters) check(`conformance all - ${j}`, whole, await conformance(`?jobcenter=${encodeURIComponent(j)}`));
    for (const m of months.slice(0, 8)) check(`conformance all - ${m}`, whole, await conformance(`?period=${m}`));
    expect(leaks).toEqual([]);
  });

  it('viewer-grade compliance and conformance add up to the viewer model: rule statuses to the cells, conformance to kept finished variants', async () => {
    const q = (sql: string) => store.sqlite.prepare(sql).all() as Json[];
    const rules = q('SELECT DISTINCT rule FROM viewer_compliance');
    expect(rules.length).toBeGreaterThan(0);
    const cells = q('SELECT jobcenter, period, cases FROM viewer_periods ORDER BY jobcenter, period');
    for (const { rule } of rules) {
      const perCell = q(
        `SELECT jobcenter, month AS period, sum(cases) AS cases FROM viewer_compliance WHERE rule = '${rule as string}' GROUP BY jobcenter, month ORDER BY jobcenter, month`,
      );
      expect(perCell, rule as string).toEqual(cells);
    }
    expect(q("SELECT * FROM viewer_compliance WHERE status = 'other' AND sum_days_late <> 0")).toEqual([]);
    const conformance = q('SELECT jobcenter, period, variant_key, cases FROM viewer_conformance_variants ORDER BY 1, 2, 3');
    expect(conformance.length).toBeGreaterThan(0);
    const kept = q(
      "SELECT jobcenter, period, variant_key, cases FROM viewer_variants WHERE variant_key <> 'other' AND finished = 1 ORDER BY 1, 2, 3",
    );
    expect(conformance).toEqual(kept);
  });

  it('the findings listed on viewer Steps rows name what and where, without figures (as the viewer Findings rows)', async () => {
    const exact = (await allRows('Steps?$filter=step_index eq 0', tokens.analyst)).filter((r) => r['findings'] !== null);
    expect(exact.length).toBeGreaterThan(0);
    const listed = (await allRows('Steps?$filter=step_index eq 0', tokens.viewer))
      .filter((r) => r['findings'] !== null)
      .flatMap((r) => JSON.parse(r['findings'] as string) as { kind: string; da: string; en: string }[]);
    expect(listed.length).toBeGreaterThan(0);
    for (const f of listed)
      expect(f.en, f.en).toMatch(/^(Bottleneck|Rule violation|Deviation from the model|Best practice|Automation candidate)(: [^()]*)?$/);
  });

  it('Loads: a viewer gets the load history without its figures (Loads.cases minus the viewer totals would be the cases left out)', async () => {
    const figures = [
      'cases',
      'events',
      'rows_read',
      'rows_accepted',
      'rows_quarantined',
      'quarantined_by_reason',
      'first_timestamp',
      'message',
    ];
    const exact = await allRows('Loads', tokens.analyst);
    expect(exact[0]).toMatchObject({ cases: 400, status: 'stored' });
    const rows = await allRows('Loads', tokens.viewer);
    expect(rows.map((r) => [r['log'], r['version'], r['status']])).toEqual([['pilot', 1, 'stored']]);
    for (const column of figures) expect(rows[0], column).not.toHaveProperty(column);
    for (const query of ['$filter=cases gt 399', '$orderby=events', '$select=rows_read'])
      expect((await get(`/odata/Loads?${query}`, tokens.viewer)).status, query).toBe(400);
    const metadata = await (await get('/odata/$metadata', tokens.viewer)).text();
    const loadType = /<EntityType Name="Load">[\s\S]*?<\/EntityType>/.exec(metadata)![0];
    expect(loadType).not.toContain('Name="cases"');
    const csv = await (await get('/api/tables/loads.csv', tokens.viewer)).text();
    expect(csv.split('\r\n')[0]).not.toMatch(/cases|events|rows_/);
    const list = await json('/api/loads');
    const one = await json(`/api/loads/${(list['loads'] as Json[])[0]!['id'] as number}`);
    const log = await json('/api/logs/pilot');
    for (const load of [(list['loads'] as Json[])[0]!, one, log['currentLoad'] as Json])
      for (const key of ['cases', 'events', 'rows', 'quarantinedByReason', 'firstTimestamp', 'lastTimestamp', 'message'])
        expect(load, key).not.toHaveProperty(key);
    expect((log['loads'] as Json[])[0]).not.toHaveProperty('message');
    expect((await json('/api/loads', tokens.analyst))['loads']).toEqual([expect.objectContaining({ cases: 400 })]);
  });

  it('OData answers are sums of viewer rows: Steps of one jobcenter equal its Jobcenters row', async () => {
    const j = jobcenters[0]!;
    const steps = await allRows(`Steps?$filter=${encodeURIComponent(`jobcenter eq '${j}' and step_index eq 0`)}`, tokens.viewer);
    const jc = await allRows(`Jobcenters?$filter=${encodeURIComponent(`jobcenter eq '${j}'`)}`, tokens.viewer);
    expect(steps.reduce((n, r) => n + (r['cases'] as number), 0)).toBe(jc.reduce((n, r) => n + (r['cases'] as number), 0));
  });

  it('a server with a larger k than a log was built with hides that log from viewers, not from analysts', async () => {
    const strict = createApp({
      db: store.db,
      sqlite: store.sqlite,
      dbPath: store.path,
      uploadDir: mkdtempSync(join(tmpdir(), 'sagsflow-up-')),
      minGroupSize: 10,
      log: () => {},
      preview: false,
    });
    const viewer = (await (await strict.request('/odata/Steps', { headers: { Authorization: `Bearer ${tokens.viewer}` } })).json()) as {
      value: unknown[];
    };
    const analyst = (await (
      await strict.request('/odata/Steps?$top=1', { headers: { Authorization: `Bearer ${tokens.analyst}` } })
    ).json()) as { value: unknown[] };
    expect(viewer.value).toEqual([]);
    expect(analyst.value).toHaveLength(1);
    strict.close();
  });
});

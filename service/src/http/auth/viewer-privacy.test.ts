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

/**
 * The attacks of issue 13 with a viewer token on a 400-case generated log: small rows through
 * every entity set, every CSV table and every REST route, and the subtraction of two REST answers.
 */
const K = 5;
/** Columns that count cases or events; in what a viewer gets each is 0 or at least k. */
const COUNT_COLUMNS = /^(cases|events|transitions|repeats|self_loops|instances|open_cases|h\d\d|d\d\d)$/;

type Json = Record<string, unknown>;
const MODEL_SETS = ['Steps', 'Variants', 'Edges', 'Activities', 'Periods', 'Jobcenters'];

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
      if (/^(cases|count|events|repeats|selfLoops)$/.test(k) && typeof v === 'number' && v > 0 && v < K) out.push(`${path}.${k}=${v}`);
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
    await generateLog({ process: 'dagpenge', cases: 400, seed: 13, out: file });
    store = openDatabase(':memory:');
    await ingestFiles(store, { files: [file], log: 'pilot' });
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
  });

  it("every entity set in a viewer's service document has no count in 1..k-1, for an unlimited and a limited token", async () => {
    for (const token of [tokens.viewer, tokens.limited]) {
      const sets = ((await json('/odata/', token)) as { value: { name: string }[] }).value.map((s) => s.name);
      expect(sets).toEqual(expect.arrayContaining(MODEL_SETS));
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
      for (const route of ['map', 'variants', 'activities']) {
        const body = await json(`/api/logs/pilot/${route}${q}`);
        smallRestCounts(body, `${route}${q}`, found);
        for (const v of (body['variants'] ?? []) as Json[])
          if (typeof v['cases'] !== 'number' || (v['cases'] as number) < K) expect(v['meanSeconds']).toBeNull();
      }
    }
    smallRestCounts(await json('/api/logs'), 'logs', found);
    smallRestCounts(await json('/api/logs/pilot'), 'logs/pilot', found);
    expect(found).toEqual([]);
    for (const route of ['compliance', 'conformance', 'report.html'])
      expect((await get(`/api/logs/pilot/${route}`, tokens.viewer)).status, route).toBe(403);
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

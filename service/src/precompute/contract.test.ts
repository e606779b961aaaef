import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activityStatistics,
  BUCKET_COLUMNS,
  discoverDfg,
  discoverVariants,
  EventLogBuilder,
  filterLog,
  STEP_END,
  STEP_START,
  type EventLog,
} from '@sagsflow/shared';
import { openDatabase, type SagsflowDatabase } from '../db/client';
import { generateLog, Rng } from '../generate/index';
import { ingestFiles } from '../ingest/index';
import { tempDir } from '../testing/ingest-fixtures';

/**
 * The data contract: for random subsets of jobcenters and periods, the sums of the
 * precomputed rows equal the mining core run on the matching events.
 */

/** Month of `ms` in Copenhagen, computed independently of precompute (summer time Apr..Oct 1st). */
function copenhagenMonth(ms: number): string {
  const d = new Date(ms);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth() + 1;
  const nextY = m === 12 ? y + 1 : y;
  const nextM = m === 12 ? 1 : m + 1;
  const offset = nextM >= 4 && nextM <= 10 ? '+02:00' : '+01:00';
  if (ms >= Date.parse(`${nextY}-${String(nextM).padStart(2, '0')}-01T00:00:00${offset}`)) {
    y = nextY;
    m = nextM;
  }
  return `${y}-${String(m).padStart(2, '0')}`;
}

function logFromStore(store: SagsflowDatabase, name: string): EventLog {
  const label = new Map<string, string>();
  for (const r of store.sqlite.prepare('SELECT case_id c, attributes a FROM cases WHERE log = ?').iterate(name) as Iterable<{
    c: string;
    a: string;
  }>) {
    label.set(r.c, (JSON.parse(r.a) as Record<string, string>)['Proces']!);
  }
  const b = new EventLogBuilder();
  const rows = store.sqlite
    .prepare('SELECT case_id c, activity a, timestamp t, jobcenter j FROM events WHERE log = ? ORDER BY case_id, timestamp, id')
    .iterate(name) as Iterable<{ c: string; a: string; t: number; j: string | null }>;
  let last = '';
  for (const r of rows) {
    b.addEvent(r.c, r.a, r.t);
    b.setCaseAttribute('jobcenter', r.j ?? 'ukendt');
    if (r.c !== last) {
      b.setCaseAttribute('period', copenhagenMonth(r.t));
      b.setCaseAttribute('proces', label.get(r.c));
    }
    last = r.c;
  }
  return b.build();
}

type Row = Record<string, number | string>;

function sumBy(rows: Row[], key: (r: Row) => string, fields: string[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const k = key(r);
    const acc = out.get(k) ?? Object.fromEntries(fields.map((f) => [f, 0]));
    for (const f of fields) acc[f]! += Number(r[f]);
    out.set(k, acc);
  }
  return out;
}

describe('model tables add up to the core on filtered events', () => {
  const t = tempDir();
  let store: SagsflowDatabase;
  let full: EventLog;
  let jobcenters: string[] = [];
  let periods: string[] = [];

  beforeAll(async () => {
    const a = t.path('dagpenge.csv');
    const b = t.path('akademiker.csv');
    await generateLog({ process: 'dagpenge', cases: 300, seed: 7, out: a, dirty: true });
    await generateLog({ process: 'akademiker', cases: 200, seed: 8, out: b });
    store = openDatabase(':memory:');
    await ingestFiles(store, { files: [a, b], log: 'mix' });
    full = logFromStore(store, 'mix');
    jobcenters = store.sqlite.prepare('SELECT DISTINCT jobcenter FROM cases ORDER BY 1').pluck().all() as string[];
    periods = store.sqlite.prepare('SELECT DISTINCT period FROM cases ORDER BY 1').pluck().all() as string[];
  }, 60_000);
  afterAll(() => {
    store.close();
    t.remove();
  });

  it('the store holds both processes, several jobcenters and periods', () => {
    expect(store.sqlite.prepare('SELECT DISTINCT process FROM cases ORDER BY 1').pluck().all()).toEqual(['akademiker', 'dagpenge']);
    expect(jobcenters.length).toBeGreaterThan(3);
    expect(periods.length).toBeGreaterThan(12);
    expect(store.sqlite.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(full.caseIds.length);
  });

  const rng = new Rng('contract');
  for (let trial = 0; trial < 8; trial++) {
    it(`trial ${trial}: steps, edges, variants, activities and cases of a random process/jobcenter/period subset equal the core`, () => {
      const labels = { akademiker: 'Akademikerområdet', dagpenge: 'Placering af dagpengemodtagere' } as const;
      const procs =
        trial % 2 === 0 ? (['akademiker', 'dagpenge'] as const) : rng.float() < 0.5 ? (['akademiker'] as const) : (['dagpenge'] as const);
      const J = jobcenters.filter(() => rng.float() < 0.5);
      const P = periods.filter(() => rng.float() < 0.5);
      if (J.length === 0) J.push(jobcenters[0]!);
      if (P.length === 0) P.push(periods[periods.length - 1]!);
      const log = filterLog(full, [
        { kind: 'caseAttribute', attribute: 'jobcenter', values: J },
        { kind: 'caseAttribute', attribute: 'period', values: P },
        { kind: 'caseAttribute', attribute: 'proces', values: procs.map((p) => labels[p]) },
      ]);
      expect(log.caseIds.length).toBeGreaterThan(5);
      expect(log.caseIds.length).toBeLessThan(full.caseIds.length);
      const where = `log = 'mix' AND jobcenter IN (${J.map(() => '?').join(',')}) AND period IN (${P.map(() => '?').join(',')}) AND process IN (${procs.map(() => '?').join(',')})`;
      const rows = (table: string) => store.sqlite.prepare(`SELECT * FROM ${table} WHERE ${where}`).all(...J, ...P, ...procs) as Row[];
      const dfg = discoverDfg(log);
      const expectedEdges = new Map<string, { n: number; cases: number; s: number }>();
      for (const e of dfg.edges) expectedEdges.set(`${e.from}|${e.to}`, { n: e.count, cases: e.cases, s: e.duration.sum / 1000 });
      for (const [a, n] of dfg.startActivities) expectedEdges.set(`${STEP_START}|${a}`, { n, cases: n, s: 0 });
      for (const [a, n] of dfg.endActivities) expectedEdges.set(`${a}|${STEP_END}`, { n, cases: n, s: 0 });

      const steps = rows('steps');
      const byPair = sumBy(steps, (r) => `${r['from_activity']}|${r['to_activity']}`, ['cases', 'sum_seconds']);
      expect([...byPair.keys()].sort()).toEqual([...expectedEdges.keys()].sort());
      for (const [k, v] of expectedEdges) {
        expect(byPair.get(k)!['cases'], k).toBe(v.n);
        expect(byPair.get(k)!['sum_seconds'], k).toBeCloseTo(v.s, 3);
      }
      for (const r of steps) expect(BUCKET_COLUMNS.reduce((s, c) => s + Number(r[c]), 0)).toBe(r['cases']);

      const edges = sumBy(rows('edges'), (r) => `${r['from_activity']}|${r['to_activity']}`, ['transitions', 'cases', 'sum_seconds']);
      expect(edges.size).toBe(expectedEdges.size);
      for (const [k, v] of expectedEdges) {
        expect([edges.get(k)!['transitions'], edges.get(k)!['cases']], k).toEqual([v.n, v.cases]);
        expect(edges.get(k)!['sum_seconds'], k).toBeCloseTo(v.s, 3);
      }

      const { variants } = discoverVariants(log);
      const stepVariants = sumBy(
        steps.filter((r) => r['step_index'] === 0),
        (r) => String(r['variant_key']),
        ['cases'],
      );
      const stepSeconds = sumBy(steps, (r) => String(r['variant_key']), ['sum_seconds']);
      const tableVariants = sumBy(rows('variants'), (r) => String(r['variant_key']), ['cases', 'sum_seconds']);
      expect(stepVariants.size).toBe(variants.length);
      expect(tableVariants.size).toBe(variants.length);
      for (const v of variants) {
        expect(stepVariants.get(v.key)!['cases']).toBe(v.cases);
        expect(tableVariants.get(v.key)!['cases']).toBe(v.cases);
        expect(stepSeconds.get(v.key)!['sum_seconds']).toBeCloseTo((v.meanDurationMs * v.cases) / 1000, 3);
        expect(tableVariants.get(v.key)!['sum_seconds']).toBeCloseTo((v.meanDurationMs * v.cases) / 1000, 3);
      }

      const acts = sumBy(rows('activities'), (r) => String(r['activity']), ['events', 'cases', 'repeats', 'self_loops']);
      const expectedActs = activityStatistics(log);
      expect(acts.size).toBe(expectedActs.length);
      for (const a of expectedActs) {
        expect(acts.get(a.activity), a.activity).toEqual({ events: a.events, cases: a.cases, repeats: a.repeats, self_loops: a.selfLoops });
      }

      const cases = rows('cases');
      expect(cases.length).toBe(log.caseIds.length);
      expect(new Set(cases.map((r) => r['case_id']))).toEqual(new Set(log.caseIds));
      const periodsRows = sumBy(rows('periods'), () => 'all', ['cases', 'events']);
      expect(periodsRows.get('all') ?? { cases: 0, events: 0 }).toEqual({ cases: log.caseIds.length, events: log.activity.length });
    });
  }
});

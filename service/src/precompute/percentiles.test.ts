import { afterAll, describe, expect, it } from 'vitest';
import {
  aggregateSteps,
  FINE_COUNT_COLUMNS,
  FINE_SECONDS_COLUMNS,
  fineQuantile,
  quantileSorted,
  STEP_END,
  type StepRow,
} from '@sagsflow/shared';
import { openDatabase, type SagsflowDatabase } from '../db/client';
import { generateLog } from '../generate/index';
import { ingestFiles } from '../ingest/ingest-files';
import { tempDir } from '../testing/ingest-fixtures';

/**
 * Honest percentiles: the medians and 90th percentiles the step table gives (summed rows of a
 * slicer state, `fineQuantile`) against the exact ones of the same cases, for the throughput
 * time (END steps), every edge and every variant, under every jobcenter, every month and every
 * (jobcenter, month) cell. Within 10 % or 1 second.
 */
const DATA = new URL('../../../tests/data/', import.meta.url).pathname;
const tmp = tempDir('sagsflow-percentiles-');
afterAll(() => tmp.remove());

interface Slice {
  where: string;
  params: string[];
  /** The same slice on a stored step row. */
  has: (row: { jobcenter: string; period: string }) => boolean;
}

/** Worst relative error (beyond the 1-second floor) seen per log, for the README and the report. */
const worst = new Map<string, { error: number; what: string }>();

interface StoredStep extends StepRow {
  jobcenter: string;
  period: string;
}

/** Every step row of the log as stored (aggregateSteps adds up the rows of a slice, as Power BI would). */
function storedSteps(store: SagsflowDatabase, log: string): StoredStep[] {
  const F = FINE_COUNT_COLUMNS.length;
  const columns = [
    'jobcenter',
    'period',
    'variant_key',
    'step_index',
    'from_activity',
    'to_activity',
    'cases',
    'sum_seconds',
    ...FINE_COUNT_COLUMNS,
    ...FINE_SECONDS_COLUMNS,
  ];
  const rows = store.sqlite
    .prepare(`select ${columns.join(', ')} from steps where log = ? order by id`)
    .raw()
    .all(log) as (string | number)[][];
  return rows.map((r) => ({
    jobcenter: r[0] as string,
    period: r[1] as string,
    variantKey: r[2] as string,
    stepIndex: r[3] as number,
    from: r[4] as string,
    to: r[5] as string,
    cases: r[6] as number,
    sumSeconds: r[7] as number,
    histogram: [],
    fine: { counts: r.slice(8, 8 + F) as number[], seconds: r.slice(8 + F, 8 + 2 * F) as number[] },
  }));
}

type CaseEdges = Map<string, { edge: string; seconds: number }[]>;

/** Every case's directly-follows pairs with their seconds, from the stored events (in the order precompute reads them). */
function edgesOfCases(store: SagsflowDatabase): CaseEdges {
  const out: CaseEdges = new Map();
  let last: { c: string; a: string; t: number } | null = null;
  for (const e of store.sqlite
    .prepare('select case_id c, activity a, timestamp t from events order by case_id, timestamp, id')
    .iterate() as Iterable<{ c: string; a: string; t: number }>) {
    if (last && last.c === e.c)
      (out.get(e.c) ?? out.set(e.c, []).get(e.c)!).push({ edge: `${last.a}\u0000${e.a}`, seconds: (e.t - last.t) / 1000 });
    last = e;
  }
  return out;
}

/** Exact durations of the slice: case durations, per variant, and per edge. */
function exactDurations(store: SagsflowDatabase, slice: Slice, caseEdges: CaseEdges) {
  const cases = store.sqlite
    .prepare(`select case_id, variant_key, duration_seconds d from cases where ${slice.where}`)
    .all(...slice.params) as { case_id: string; variant_key: string; d: number }[];
  const byVariant = new Map<string, number[]>();
  const byEdge = new Map<string, number[]>();
  for (const c of cases) {
    (byVariant.get(c.variant_key) ?? byVariant.set(c.variant_key, []).get(c.variant_key)!).push(c.d);
    for (const { edge, seconds } of caseEdges.get(c.case_id) ?? []) (byEdge.get(edge) ?? byEdge.set(edge, []).get(edge)!).push(seconds);
  }
  return { all: cases.map((c) => c.d), byVariant, byEdge };
}

function check(log: string, what: string, exactValues: number[], estimate: (q: number) => number): void {
  const sorted = Float64Array.from(exactValues).sort();
  for (const q of [0.5, 0.9]) {
    const exact = quantileSorted(sorted, q);
    const got = estimate(q);
    const off = Math.abs(got - exact);
    const error = off <= 1 ? 0 : off / exact;
    if (error > (worst.get(log)?.error ?? -1))
      worst.set(log, { error, what: `${what} q${q} n=${exactValues.length} exact=${exact} got=${got}` });
    expect(off, `${log} ${what} q${q}`).toBeLessThanOrEqual(Math.max(1, 0.1 * exact));
  }
}

function slices(store: SagsflowDatabase, log: string): Slice[] {
  const jobcenters = store.sqlite.prepare('select distinct jobcenter from cases where log = ?').pluck().all(log) as string[];
  const months = store.sqlite.prepare('select distinct period from cases where log = ?').pluck().all(log) as string[];
  const out: Slice[] = [{ where: 'log = ?', params: [log], has: () => true }];
  if (jobcenters.length > 1)
    for (const j of jobcenters) out.push({ where: 'log = ? and jobcenter = ?', params: [log, j], has: (r) => r.jobcenter === j });
  for (const m of months) out.push({ where: 'log = ? and period = ?', params: [log, m], has: (r) => r.period === m });
  if (jobcenters.length > 1) {
    for (const j of jobcenters) {
      for (const m of months)
        out.push({
          where: 'log = ? and jobcenter = ? and period = ?',
          params: [log, j, m],
          has: (r) => r.jobcenter === j && r.period === m,
        });
    }
  }
  return out;
}

async function verify(log: string, file: string): Promise<void> {
  const store = openDatabase(':memory:');
  await ingestFiles(store, { files: [file], log });
  const caseEdges = edgesOfCases(store);
  const stored = storedSteps(store, log);
  for (const slice of slices(store, log)) {
    const rows = stored.filter(slice.has);
    if (rows.length === 0) continue;
    const exact = exactDurations(store, slice, caseEdges);
    const { map, variants, caseDurations } = aggregateSteps(rows);
    const tag = slice.params.slice(1).join('/') || 'all';
    check(log, `${tag} throughput`, exact.all, (q) => fineQuantile(caseDurations!, q));
    for (const v of variants)
      check(log, `${tag} variant ${v.variantKey}`, exact.byVariant.get(v.variantKey)!, (q) => fineQuantile(v.caseDurations!, q));
    for (const e of map.edges) {
      if (e.from.startsWith('▶') || e.to === STEP_END) continue;
      check(log, `${tag} edge ${e.from}→${e.to}`, exact.byEdge.get(`${e.from}\u0000${e.to}`)!, (q) => fineQuantile(e.fine!, q));
    }
  }
  store.close();
  process.stdout.write(`percentiles ${log}: worst error ${((worst.get(log)?.error ?? 0) * 100).toFixed(1)} % (${worst.get(log)?.what})\n`);
}

describe('medians and p90 from the step table are within 10 % (or 1 s) of the exact ones under jobcenter × month slices', () => {
  for (const process of ['akademiker', 'dagpenge', 'rekruttering'] as const) {
    it(`generated ${process} (1,000 cases)`, async () => {
      const out = tmp.path(`${process}.csv`);
      await generateLog({ process, cases: 1000, seed: '1', dirty: false, out });
      await verify(process, out);
    }, 120_000);
  }
  it('helpdesk.xes.gz', async () => verify('helpdesk', `${DATA}helpdesk.xes.gz`), 120_000);
  it('bpic2012.xes.gz', async () => verify('bpic2012', `${DATA}bpic2012.xes.gz`), 900_000);
});

import type Database from 'better-sqlite3';
import type { FineHistogram } from '@sagsflow/shared';
import type { FilterValues } from './sql/filter-conditions';
import { quoteIdent, whereSql, type SqlFragment } from './sql/fragment';
import type { EdgeHistograms, StepSum, StepSums } from './step-rows';

/**
 * A cell of a log's step table: its rows of one jobcenter and one period. Any jobcenter and
 * period filter selects whole cells, so sums per cell (read once through the step table's
 * scope index on log, jobcenter and period, and cached) add up to the sums of any such filter.
 */
export interface StepCell {
  jobcenter: string;
  period: string;
}

/** The cells (jobcenter, period) with rows of a log in a step table, by jobcenter then period. */
export function stepCells(sqlite: Database.Database, table: string, log: string): StepCell[] {
  return sqlite
    .prepare(`SELECT DISTINCT jobcenter, period FROM ${quoteIdent(table)} WHERE log = ? ORDER BY jobcenter, period`)
    .all(log) as StepCell[];
}

/** The conditions of one cell of a log: `log`, `jobcenter` and `period` equal. */
export function stepCellWhere(log: string, cell: StepCell): SqlFragment {
  return whereSql([
    { sql: '"log" = ?', params: [log] },
    { sql: '"jobcenter" = ?', params: [cell.jobcenter] },
    { sql: '"period" = ?', params: [cell.period] },
  ]);
}

/**
 * The cells a filter keeps, or null when the filter is not one of whole cells (a process,
 * variant or activity filter). `jobcenters` is the effective jobcenter list (null: all), as
 * `filterConditions` takes it; the period list, `from` and `to` keep the periods they keep there.
 */
export function cellsOfFilter(cells: readonly StepCell[], filters: FilterValues, jobcenters: readonly string[] | null): StepCell[] | null {
  if (filters.process.length > 0 || filters.variant.length > 0 || filters.activity.length > 0) return null;
  const jobcenterSet = jobcenters === null ? null : new Set(jobcenters);
  const periodSet = filters.period.length > 0 ? new Set(filters.period) : null;
  return cells.filter(
    (c) =>
      (jobcenterSet === null || jobcenterSet.has(c.jobcenter)) &&
      (periodSet === null || periodSet.has(c.period)) &&
      (!filters.from || c.period >= filters.from) &&
      (!filters.to || c.period <= filters.to),
  );
}

/**
 * Compensated (Kahan-Babuska-Neumaier) sums, the summation SQLite's `sum()` uses: merging
 * per-cell sums with it gives the sums of the SQL aggregation over all the cells' rows to the
 * last digit or so, where plain addition drifts by several units in the last place.
 */
export class CompensatedSums {
  readonly sum: Float64Array;
  readonly err: Float64Array;
  constructor(first: ArrayLike<number>) {
    this.sum = Float64Array.from(first);
    this.err = new Float64Array(first.length);
  }
  add(values: ArrayLike<number>): this {
    const { sum, err } = this;
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      const s = sum[i]!;
      const t = s + x;
      err[i]! += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      sum[i] = t;
    }
    return this;
  }
  total(): number[] {
    return Array.from(this.sum, (s, i) => s + this.err[i]!);
  }
}

/** One compensated sum: `[sum, err]`, added to in place by `addCompensated`, read as sum + err. */
export type CompensatedSum = [number, number];

/** Adds `x` to a compensated sum. */
export function addCompensated(acc: CompensatedSum, x: number): void {
  const s = acc[0];
  const t = s + x;
  acc[1] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
  acc[0] = t;
}

/** Element-wise integer sums (exact without compensation). */
export function addCounts(into: number[], values: ArrayLike<number>): number[] {
  for (let i = 0; i < values.length; i++) into[i]! += values[i]!;
  return into;
}

interface FineAcc {
  counts: number[];
  seconds: CompensatedSums;
}

const fineAcc = (a: FineHistogram, b: FineHistogram): FineAcc => ({
  counts: addCounts(Array.from(a.counts), b.counts),
  seconds: new CompensatedSums(a.seconds).add(b.seconds),
});
const addFine = (acc: FineAcc, f: FineHistogram) => (addCounts(acc.counts, f.counts), acc.seconds.add(f.seconds), acc);
const fineTotal = (acc: FineAcc): FineHistogram => ({ counts: acc.counts, seconds: acc.seconds.total() });

/** Byte order of SQLite's BINARY collation for the hex variant keys (and code-unit order otherwise). */
const byKeyThenStep = (x: StepSum, y: StepSum) =>
  x.variantKey < y.variantKey ? -1 : x.variantKey > y.variantKey ? 1 : x.stepIndex - y.stepIndex;

/**
 * The sums of several cells as one: variant steps summed per (variant, step, from, to), by
 * variant key then step index (ranks max-ed, `finished` min-ed, as the SQL aggregation does),
 * case durations summed per variant and edge histograms per edge. A part is read (non-null)
 * when every cell read it. The cells' sums are not changed (they stay cached).
 */
export function mergeStepSums(cells: readonly StepSums[]): StepSums {
  if (cells.length === 1) return cells[0]!;
  const steps = new Map<string, { step: StepSum; seconds: CompensatedSum | null }>();
  for (const cell of cells) {
    for (const s of cell.steps) {
      const key = `${s.variantKey}\u0000${s.stepIndex}\u0000${s.from}\u0000${s.to}`;
      const acc = steps.get(key);
      if (!acc) {
        steps.set(key, { step: s, seconds: null });
        continue;
      }
      if (acc.seconds === null) {
        acc.step = { ...acc.step };
        acc.seconds = [acc.step.sumSeconds, 0];
      }
      const step = acc.step;
      step.cases += s.cases;
      addCompensated(acc.seconds, s.sumSeconds);
      if (s.variantRank !== null && (step.variantRank === null || s.variantRank > step.variantRank)) step.variantRank = s.variantRank;
      if (s.finished !== null && (step.finished === null || s.finished < step.finished)) step.finished = s.finished;
    }
  }
  const merged = [...steps.values()].map(({ step, seconds }) =>
    seconds === null ? step : { ...step, sumSeconds: seconds[0] + seconds[1] },
  );
  return {
    steps: merged.sort(byKeyThenStep),
    caseDurations: mergeMaps(
      cells.map((c) => c.caseDurations),
      fineAcc,
      addFine,
      fineTotal,
    ),
    edgeHistograms: mergeMaps(
      cells.map((c) => c.edgeHistograms),
      (a: EdgeHistograms, b: EdgeHistograms) => ({ histogram: addCounts([...a.histogram], b.histogram), fine: fineAcc(a.fine, b.fine) }),
      (acc, e) => (addCounts(acc.histogram, e.histogram), addFine(acc.fine, e.fine), acc),
      (acc) => ({ histogram: acc.histogram, fine: fineTotal(acc.fine) }),
    ),
  };
}

/**
 * The maps merged per key (null when any is null). A key in one map keeps its value as is; for
 * a key in several, `start` makes an accumulator of the first two values, `add` adds the others
 * and `total` reads it.
 */
function mergeMaps<T, A>(
  maps: readonly (Map<string, T> | null)[],
  start: (a: T, b: T) => A,
  add: (acc: A, value: T) => A,
  total: (acc: A) => T,
): Map<string, T> | null {
  if (maps.some((m) => m === null)) return null;
  const firsts = new Map<string, T>();
  const accs = new Map<string, A>();
  for (const m of maps as Map<string, T>[]) {
    for (const [key, value] of m) {
      const acc = accs.get(key);
      if (acc !== undefined) add(acc, value);
      else {
        const first = firsts.get(key);
        if (first === undefined) firsts.set(key, value);
        else accs.set(key, start(first, value));
      }
    }
  }
  for (const [key, acc] of accs) firsts.set(key, total(acc));
  return firsts;
}

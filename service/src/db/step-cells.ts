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
 * A compensated (Kahan-Babuska-Neumaier) sum, the summation SQLite's `sum()` uses: merging
 * per-cell sums with it gives the sums of the SQL aggregation over all the cells' rows to the
 * last digit or so, where plain addition drifts by several units in the last place.
 */
class Sums {
  readonly sum: Float64Array;
  readonly err: Float64Array;
  constructor(n: number) {
    this.sum = new Float64Array(n);
    this.err = new Float64Array(n);
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

interface FineAcc {
  counts: Sums;
  seconds: Sums;
}

const fineAcc = (f: FineHistogram): FineAcc => ({
  counts: new Sums(f.counts.length).add(f.counts),
  seconds: new Sums(f.seconds.length).add(f.seconds),
});
const addFine = (acc: FineAcc, f: FineHistogram) => (acc.counts.add(f.counts), acc.seconds.add(f.seconds), acc);
const fineTotal = (acc: FineAcc): FineHistogram => ({ counts: acc.counts.total(), seconds: acc.seconds.total() });

/** Byte order of SQLite's BINARY collation for the hex variant keys (and code-unit order otherwise). */
const byKeyThenStep = (x: StepSum, y: StepSum) =>
  x.variantKey < y.variantKey ? -1 : x.variantKey > y.variantKey ? 1 : x.stepIndex - y.stepIndex;

/**
 * The sums of several cells as one: variant steps summed per (variant, step, from, to), by
 * variant key then step index (ranks max-ed, `finished` min-ed, as the SQL aggregation does),
 * case durations summed per variant and edge histograms per edge. A part is read (non-null)
 * when every cell read it.
 */
export function mergeStepSums(cells: readonly StepSums[]): StepSums {
  const steps = new Map<string, { step: StepSum; seconds: Sums }>();
  for (const cell of cells) {
    for (const s of cell.steps) {
      const key = `${s.variantKey}\u0000${s.stepIndex}\u0000${s.from}\u0000${s.to}`;
      const acc = steps.get(key);
      if (!acc) {
        steps.set(key, { step: { ...s }, seconds: new Sums(1).add([s.sumSeconds]) });
        continue;
      }
      const step = acc.step;
      step.cases += s.cases;
      acc.seconds.add([s.sumSeconds]);
      if (s.variantRank !== null && (step.variantRank === null || s.variantRank > step.variantRank)) step.variantRank = s.variantRank;
      if (s.finished !== null && (step.finished === null || s.finished < step.finished)) step.finished = s.finished;
    }
  }
  const merged = [...steps.values()].map(({ step, seconds }) => ({ ...step, sumSeconds: seconds.total()[0]! }));
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
      (e: EdgeHistograms) => ({ histogram: new Sums(e.histogram.length).add(e.histogram), fine: fineAcc(e.fine) }),
      (acc, e) => (acc.histogram.add(e.histogram), addFine(acc.fine, e.fine), acc),
      (acc) => ({ histogram: acc.histogram.total(), fine: fineTotal(acc.fine) }),
    ),
  };
}

/** The maps merged per key (null when any is null): `start` a value's accumulator, `add` into it, `total` it. */
function mergeMaps<T, A>(
  maps: readonly (Map<string, T> | null)[],
  start: (value: T) => A,
  add: (acc: A, value: T) => A,
  total: (acc: A) => T,
): Map<string, T> | null {
  if (maps.some((m) => m === null)) return null;
  const accs = new Map<string, A>();
  for (const m of maps as Map<string, T>[]) {
    for (const [key, value] of m) {
      const acc = accs.get(key);
      accs.set(key, acc === undefined ? start(value) : add(acc, value));
    }
  }
  return new Map([...accs].map(([key, acc]) => [key, total(acc)]));
}

import { quantileInPlace } from './select-quantile';

/** Summary of a set of durations (all in the unit they were given in). */
export interface DurationStats {
  count: number;
  sum: number;
  mean: number;
  /** Exact median: the mean of the two middle values when the count is even. */
  median: number;
  min: number;
  max: number;
  /** 90th percentile, linearly interpolated between closest ranks (R-7, numpy's default). */
  p90: number;
}

/** The stats of no values: count 0, sum 0, everything else NaN. */
export const EMPTY_DURATION_STATS: Readonly<DurationStats> = Object.freeze({
  count: 0,
  sum: 0,
  mean: Number.NaN,
  median: Number.NaN,
  min: Number.NaN,
  max: Number.NaN,
  p90: Number.NaN,
});

/**
 * Count, sum, mean, exact median, min, max and p90 of `values` (not modified).
 *
 * @example durationStats(Float64Array.of(3, 1, 2, 10)) // median 2.5, p90 7.9
 */
export function durationStats(values: Float64Array): DurationStats {
  return durationStatsInPlace(values.slice());
}

/**
 * Like `durationStats`, but reorders `values` instead of copying them: exact median
 * and p90 by selection in expected linear time, no full sort.
 */
export function durationStatsInPlace(values: Float64Array): DurationStats {
  const n = values.length;
  if (n === 0) return { ...EMPTY_DURATION_STATS };
  let sum = 0;
  let min = values[0]!;
  let max = min;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const median = quantileInPlace(values, 0.5);
  const p90 = quantileInPlace(values, 0.9, median.index);
  return { count: n, sum, mean: sum / n, median: median.value, min, max, p90: p90.value };
}

/** Like `durationStats`, for values already sorted ascending (e.g. sorted in place). */
export function sortedDurationStats(sorted: Float64Array): DurationStats {
  const n = sorted.length;
  if (n === 0) return { ...EMPTY_DURATION_STATS };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  return {
    count: n,
    sum,
    mean: sum / n,
    median: quantileSorted(sorted, 0.5),
    min: sorted[0]!,
    max: sorted[n - 1]!,
    p90: quantileSorted(sorted, 0.9),
  };
}

/** The q-quantile (0..1) of ascending values, interpolated between closest ranks. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo + 1 >= n) return a;
  return a + (h - lo) * (sorted[lo + 1]! - a);
}

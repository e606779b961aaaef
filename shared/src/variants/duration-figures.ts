import { quantileInPlace } from '../statistics/select-quantile';

/**
 * A variant's mean and median case duration from its cases' durations `durations[lo, lo + n)`
 * (n ≥ 1; the median of one or two cases is their mean). Reorders that range.
 */
export function durationFigures(durations: Float64Array, lo: number, n: number): { meanDurationMs: number; medianDurationMs: number } {
  let sum = 0;
  for (let i = lo; i < lo + n; i++) sum += durations[i]!;
  return {
    meanDurationMs: sum / n,
    medianDurationMs: n <= 2 ? sum / n : quantileInPlace(durations.subarray(lo, lo + n), 0.5).value,
  };
}

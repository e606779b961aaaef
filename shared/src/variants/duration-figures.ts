import { quantileInPlace } from '../statistics/select-quantile';

/**
 * A variant's mean and median case duration from its cases' durations `durations[lo, lo + n)`
 * (n ≥ 1; the median of one or two cases is their mean). Reorders that range.
 */
export function durationFigures(durations: Float64Array, lo: number, n: number): { meanDurationMs: number; medianDurationMs: number } {
  // The sum's loop is a function of its own: a variant of many cases gets that loop compiled on
  // stack (OSR), and an OSR code of this whole function, compiled before the code after the loop
  // had ever run, left that code at each later call (1,600 deoptimisations in a 1M-event load).
  const mean = sumOf(durations, lo, lo + n) / n;
  return {
    meanDurationMs: mean,
    medianDurationMs: n <= 2 ? mean : quantileInPlace(durations.subarray(lo, lo + n), 0.5).value,
  };
}

function sumOf(values: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  return sum;
}

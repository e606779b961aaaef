import { seededRandom } from '../statistics/seeded-random';
import { quantileInPlace } from '../statistics/select-quantile';

/** A 95 % interval. */
export interface Interval {
  low: number;
  high: number;
}

/** z for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/**
 * Wilson score interval (95 %) of a rate of `successes` in `n` trials (Wilson 1927).
 *
 * @example wilsonInterval(8, 10) // { low: 0.4902, high: 0.9433 }
 */
export function wilsonInterval(successes: number, n: number): Interval {
  if (n <= 0) return { low: Number.NaN, high: Number.NaN };
  const p = successes / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** At most this many values of a group enter a bootstrap (an even spread of the sorted values). */
export const BOOTSTRAP_MAX_SAMPLE = 2000;

/**
 * Percentile bootstrap 95 % interval of median(b) - median(a), seeded and deterministic.
 * Groups larger than `BOOTSTRAP_MAX_SAMPLE` are thinned to an even spread of their sorted values.
 *
 * @example bootstrapMedianDifference(faster, slower, { resamples: 1000, seed: 1 })
 */
export function bootstrapMedianDifference(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: { resamples: number; seed: number },
): Interval {
  const xa = thin(a);
  const xb = thin(b);
  if (xa.length === 0 || xb.length === 0) return { low: Number.NaN, high: Number.NaN };
  const random = seededRandom(options.seed);
  const diffs = new Float64Array(options.resamples);
  const ra = new Float64Array(xa.length);
  const rb = new Float64Array(xb.length);
  for (let r = 0; r < options.resamples; r++) {
    for (let i = 0; i < ra.length; i++) ra[i] = xa[Math.floor(random() * xa.length)]!;
    for (let i = 0; i < rb.length; i++) rb[i] = xb[Math.floor(random() * xb.length)]!;
    diffs[r] = quantileInPlace(rb, 0.5).value - quantileInPlace(ra, 0.5).value;
  }
  diffs.sort();
  const at = (q: number) => diffs[Math.min(diffs.length - 1, Math.max(0, Math.round(q * (diffs.length - 1))))]!;
  return { low: at(0.025), high: at(0.975) };
}

function thin(values: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length <= BOOTSTRAP_MAX_SAMPLE) return sorted;
  const out = new Float64Array(BOOTSTRAP_MAX_SAMPLE);
  for (let i = 0; i < out.length; i++) out[i] = sorted[Math.floor(((i + 0.5) * sorted.length) / out.length)]!;
  return out;
}

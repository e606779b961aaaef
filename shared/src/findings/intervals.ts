import { SEEDED_RANDOM_STEP, seededRandomAt } from '../statistics/seeded-random';

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
  return bootstrapThinned(thinnedSample(a), thinnedSample(b), options);
}

/** `bootstrapMedianDifference` of samples already thinned (`thinnedSample`), so a caller thins each group once. */
export function bootstrapThinned(xa: Float64Array, xb: Float64Array, options: { resamples: number; seed: number }): Interval {
  if (xa.length === 0 || xb.length === 0) return { low: Number.NaN, high: Number.NaN };
  // The state of `seededRandom(options.seed)`, stepped in a local variable by each resample.
  const random = { state: options.seed >>> 0 };
  const diffs = new Float64Array(options.resamples);
  const ca = new Uint32Array(xa.length);
  const cb = new Uint32Array(xb.length);
  for (let r = 0; r < options.resamples; r++) {
    const ma = resampledMedian(xa, ca, random);
    diffs[r] = resampledMedian(xb, cb, random) - ma;
  }
  diffs.sort();
  const at = (q: number) => diffs[Math.min(diffs.length - 1, Math.max(0, Math.round(q * (diffs.length - 1))))]!;
  return { low: at(0.025), high: at(0.975) };
}

/**
 * The median (R-7, as `quantileInPlace`) of one resample with replacement of the sorted `x`:
 * draws `x.length` indices, counts them in `counts`, and reads the middle order statistics off
 * the counts. As `x` is sorted, the k-th smallest drawn index gives the k-th smallest drawn value,
 * so this equals selecting the median of the drawn values, without a selection. The draws are
 * `seededRandom`'s, its state `random.state` kept in a local variable meanwhile (a closure's state
 * above 2^31 is a new heap number at every draw).
 */
function resampledMedian(x: Float64Array, counts: Uint32Array, random: { state: number }): number {
  const n = x.length;
  counts.fill(0);
  let a = random.state;
  for (let i = 0; i < n; i++) {
    a = (a + SEEDED_RANDOM_STEP) >>> 0;
    const j = Math.floor(seededRandomAt(a) * n);
    counts[j] = counts[j]! + 1;
  }
  random.state = a;
  const h = (n - 1) * 0.5;
  const k = Math.floor(h);
  let i = 0;
  let seen = counts[0]!;
  while (seen <= k) seen += counts[++i]!;
  const low = x[i]!;
  if (h === k || k + 1 >= n) return low;
  while (seen <= k + 1) seen += counts[++i]!;
  return low + (h - k) * (x[i]! - low);
}

/** The sorted values, thinned to an even spread of `BOOTSTRAP_MAX_SAMPLE` when there are more. */
export function thinnedSample(values: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length <= BOOTSTRAP_MAX_SAMPLE) return sorted;
  const out = new Float64Array(BOOTSTRAP_MAX_SAMPLE);
  for (let i = 0; i < out.length; i++) out[i] = sorted[Math.floor(((i + 0.5) * sorted.length) / out.length)]!;
  return out;
}

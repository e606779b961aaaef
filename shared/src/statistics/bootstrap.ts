import { MisuseError, quote } from '../errors';
import { quantileSorted } from './duration-stats';
import { seededRandom } from './seeded-random';

/** Options of `bootstrapIntervals`. */
export interface BootstrapOptions {
  /** Number of resamples; default 400. */
  resamples?: number;
  /** Seed of the resampling, so the same data gives the same interval; default 1. */
  seed?: number;
  /** Coverage of the interval; default 0.95. */
  level?: number;
}

/** A point estimate with its percentile-bootstrap interval. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/**
 * Percentile-bootstrap intervals (Efron) for several statistics of one sample: draws `n`
 * indices with replacement `resamples` times, evaluates `statistic` on each draw, and takes
 * the (1 − level)/2 and (1 + level)/2 quantiles of each statistic's replicates.
 * `statistic` gets the drawn indices (and, for the point estimate, 0..n−1) and returns one
 * number per statistic; NaN replicates are left out.
 *
 * @example
 * const [median] = bootstrapIntervals(durations.length, (idx) => [medianOf(durations, idx)]);
 */
export function bootstrapIntervals(n: number, statistic: (indices: Uint32Array) => number[], options: BootstrapOptions = {}): Estimate[] {
  return stratifiedBootstrap([n], (draws) => statistic(draws[0]!), options);
}

/**
 * `bootstrapIntervals` for several independent samples (strata) at once: each resample
 * draws every stratum with replacement from itself, so a statistic that compares groups
 * (before and after, treated and control) gets an interval that respects their sizes.
 * A stratum of size 0 gives NaN intervals.
 */
export function stratifiedBootstrap(
  sizes: readonly number[],
  statistic: (draws: readonly Uint32Array[]) => number[],
  options: BootstrapOptions = {},
): Estimate[] {
  const resamples = options.resamples ?? 400;
  const level = options.level ?? 0.95;
  if (!(Number.isInteger(resamples) && resamples >= 10))
    throw new MisuseError(`bootstrapIntervals: resamples must be an integer ≥ 10, got ${quote(resamples)}`);
  if (!(level > 0 && level < 1)) throw new MisuseError(`bootstrapIntervals: level must be in (0, 1), got ${quote(level)}`);
  const identity = sizes.map((n) => {
    const ids = new Uint32Array(n);
    for (let i = 0; i < n; i++) ids[i] = i;
    return ids;
  });
  const point = statistic(identity);
  if (sizes.some((n) => n === 0)) return point.map((value) => ({ value, low: Number.NaN, high: Number.NaN }));
  const replicates = point.map(() => new Float64Array(resamples));
  const random = seededRandom(options.seed ?? 1);
  const draws = sizes.map((n) => new Uint32Array(n));
  for (let r = 0; r < resamples; r++) {
    for (const draw of draws) for (let i = 0; i < draw.length; i++) draw[i] = Math.floor(random() * draw.length);
    const values = statistic(draws);
    for (let s = 0; s < values.length; s++) replicates[s]![r] = values[s]!;
  }
  return point.map((value, s) => {
    const finite = replicates[s]!.filter((x) => !Number.isNaN(x)).sort();
    return { value, low: quantileSorted(finite, (1 - level) / 2), high: quantileSorted(finite, (1 + level) / 2) };
  });
}

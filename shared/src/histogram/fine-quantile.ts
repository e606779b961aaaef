import { FINE_BOUNDS_SECONDS, type FineHistogram } from './fine-buckets';

/**
 * Estimates the q-quantile (0..1) in seconds from a fine histogram, the way the exact one is
 * taken (R-7, `quantileSorted`: between the values at ranks floor(h) and floor(h)+1, h = (n-1)q).
 *
 * The durations in a bucket are stood in for by `count` values that keep the bucket's mean:
 * one value is the mean itself (so a bucket holding one duration is exact); more values are
 * spread over the bucket by a density `(1-t)^a` or `t^a` (t = position in the bucket, 0..1)
 * whose mean is the bucket's mean, the j-th value at the density's (j+0.5)/count quantile.
 * The open last bucket (365 days and more) spreads its values evenly over [365 days,
 * 2 × mean - 365 days]. Returns NaN for an empty histogram.
 *
 * @example fineQuantile(histogramOf([60, 120, 3600]), 0.5) // 120
 */
export function fineQuantile(histogram: FineHistogram, q: number): number {
  const { counts, seconds } = histogram;
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i]!;
  if (!(n > 0)) return Number.NaN;
  const h = (n - 1) * q;
  const k = Math.floor(h);
  const low = valueAtRank(counts, seconds, k);
  if (h === k || k + 1 >= n) return low;
  return low + (h - k) * (valueAtRank(counts, seconds, k + 1) - low);
}

function valueAtRank(counts: ArrayLike<number>, seconds: ArrayLike<number>, rank: number): number {
  let seen = 0;
  let last = -1;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (!(c > 0)) continue;
    last = i;
    if (rank < seen + c) return valueInBucket(i, c, seconds[i]!, rank - seen);
    seen += c;
  }
  return last < 0 ? Number.NaN : valueInBucket(last, counts[last]!, seconds[last]!, counts[last]! - 1);
}

function valueInBucket(bucket: number, count: number, sum: number, j: number): number {
  const lower = bucket === 0 ? 0 : FINE_BOUNDS_SECONDS[bucket - 1]!;
  const mean = sum / count;
  // The open last bucket (365 days and more) has no upper bound: its durations are spread evenly around their mean.
  const upper = FINE_BOUNDS_SECONDS[bucket] ?? 2 * mean - lower;
  if (count <= 1 || !(upper > lower)) return mean;
  if (mean <= lower) return lower;
  if (mean >= upper) return upper;
  const p = Math.min(1, (Math.floor(j) + 0.5) / count);
  const t = (mean - lower) / (upper - lower);
  const at = t <= 0.5 ? 1 - Math.pow(1 - p, 1 / (1 / t - 1)) : Math.pow(p, 1 / (1 / (1 - t) - 1));
  return lower + at * (upper - lower);
}

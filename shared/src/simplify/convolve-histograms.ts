import { BUCKET_BOUNDS_SECONDS, BUCKET_COUNT, bucketOf } from '../histogram/duration-buckets';

/** A representative duration of a bucket: the geometric middle of its bounds. */
function bucketMiddle(i: number): number {
  if (i === 0) return BUCKET_BOUNDS_SECONDS[0]! / 2;
  const lower = BUCKET_BOUNDS_SECONDS[i - 1]!;
  const upper = BUCKET_BOUNDS_SECONDS[i];
  return upper === undefined ? lower * 1.5 : Math.sqrt(lower * upper);
}

/**
 * The duration histogram of "a wait from `a` followed by a wait from `b`", assuming the two
 * are independent: each pair of buckets puts the product of their shares into the bucket of
 * the sum of their middles. Returns shares (summing to 1), or null when either is empty.
 * Used where simplification reroutes flow through a removed activity, so a rerouted edge
 * keeps an (estimated) median and 90th percentile.
 */
export function convolveHistograms(a: ArrayLike<number>, b: ArrayLike<number>): number[] | null {
  let totalA = 0;
  let totalB = 0;
  for (let i = 0; i < a.length; i++) totalA += a[i]!;
  for (let j = 0; j < b.length; j++) totalB += b[j]!;
  if (!(totalA > 0 && totalB > 0)) return null;
  const out = new Array<number>(BUCKET_COUNT).fill(0);
  for (let i = 0; i < a.length; i++) {
    if (!a[i]) continue;
    for (let j = 0; j < b.length; j++) {
      if (!b[j]) continue;
      out[bucketOf(bucketMiddle(i) + bucketMiddle(j))]! += (a[i]! / totalA) * (b[j]! / totalB);
    }
  }
  return out;
}

import { BUCKET_COUNT, FINE_BUCKET_COUNT, type FineHistogram, type FineHistogramAcc } from '@sagsflow/shared';

/**
 * Adds the coarse histogram `from` into `into`, bucket by bucket. `buckets`, when given, lists
 * the buckets of `from` that are not 0 (a streamed step row's `histogramBuckets`): only those are
 * read, which gives the same sums (adding +0 never changes a sum that starts at +0).
 */
export function addNonZero(into: { [b: number]: number }, from: ArrayLike<number>, buckets?: readonly number[]): void {
  if (buckets !== undefined) {
    for (let j = 0; j < buckets.length; j++) {
      const b = buckets[j]!;
      into[b]! += from[b]!;
    }
    return;
  }
  for (let b = 0; b < BUCKET_COUNT; b++) into[b]! += from[b]!;
}

/**
 * Adds `from` into `into` bucket by bucket, like the core's `addFineHistogram` with weight 1, but
 * skips the buckets where both the count and the seconds are 0 (nearly all of a step row's 75).
 * The sums are the same: `into` starts at +0 and adding ±0 never changes a sum that is not -0.
 * `buckets`, when given, lists the buckets of `from` that are not 0 (a streamed step row's
 * `fineBuckets`): only those are read.
 */
export function addNonZeroFine(into: FineHistogramAcc, from: FineHistogram, buckets?: readonly number[]): void {
  const { counts, seconds } = from;
  if (buckets !== undefined) {
    for (let j = 0; j < buckets.length; j++) {
      const i = buckets[j]!;
      into.counts[i]! += counts[i]!;
      into.seconds[i]! += seconds[i]!;
    }
    return;
  }
  for (let i = 0; i < FINE_BUCKET_COUNT; i++) {
    const c = counts[i]!;
    const s = seconds[i]!;
    if (c !== 0 || s !== 0) {
      into.counts[i]! += c;
      into.seconds[i]! += s;
    }
  }
}

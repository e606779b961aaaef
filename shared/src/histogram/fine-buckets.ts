/**
 * The fine duration histogram of the data contract: 75 buckets with, per bucket, the count
 * of durations in it (`d00`..`d74`) and their summed seconds (`s00`..`s74`). Both add up
 * under any slicer, like every other column of the step table, and together they let
 * `fineQuantile` rebuild medians and 90th percentiles within a few percent:
 *
 * - the bounds are 1, 2, 3, 5, 7 and 10 s, then a factor 1.25 a bucket from 10 s up to
 *   365 days (every bucket is at most 25 % wide above 10 s and at most 2 s wide below);
 * - a bucket's summed seconds give the mean of its durations, so a bucket holding one
 *   duration gives it back exactly, and durations within a bucket are placed around their mean.
 *
 * Bucket 0 holds 0 s up to 1 s; bucket i holds `[FINE_BOUNDS_SECONDS[i-1], FINE_BOUNDS_SECONDS[i])`;
 * the last one is open-ended. The coarse 25 buckets `h00`..`h24` (`duration-buckets.ts`) stay
 * in the contract for reports built on them. Changing these bounds changes the data contract.
 */
export const FINE_BOUNDS_SECONDS: readonly number[] = fineBounds();

/** Number of fine buckets: one per bound plus the open-ended last bucket (75). */
export const FINE_BUCKET_COUNT = FINE_BOUNDS_SECONDS.length + 1;

/** Column names of the fine bucket counts in the step and edge tables: `d00` .. `d74`. */
export const FINE_COUNT_COLUMNS: readonly string[] = fineColumns('d');

/** Column names of the fine bucket summed seconds: `s00` .. `s74`. */
export const FINE_SECONDS_COLUMNS: readonly string[] = fineColumns('s');

/** A fine duration histogram: counts and summed seconds per fine bucket (both `FINE_BUCKET_COUNT` long). */
export interface FineHistogram {
  readonly counts: ArrayLike<number>;
  readonly seconds: ArrayLike<number>;
}

/** A fine histogram being summed into (see `addFineHistogram`). */
export interface FineHistogramAcc extends FineHistogram {
  readonly counts: Float64Array;
  readonly seconds: Float64Array;
}

function fineBounds(): number[] {
  const bounds = [1, 2, 3, 5, 7, 10];
  const top = 365 * 86400;
  for (let x = 10 * 1.25; x < top; x *= 1.25) bounds.push(Math.round(x));
  bounds.push(top);
  return bounds;
}

function fineColumns(prefix: string): string[] {
  return Array.from({ length: FINE_BOUNDS_SECONDS.length + 1 }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);
}

/** The fine bucket a duration in seconds falls in (negative durations count as 0). */
export function fineBucketOf(seconds: number): number {
  const b = FINE_BOUNDS_SECONDS;
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (seconds < b[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** An empty fine histogram to sum into. */
export function emptyFineHistogram(): FineHistogramAcc {
  return { counts: new Float64Array(FINE_BUCKET_COUNT), seconds: new Float64Array(FINE_BUCKET_COUNT) };
}

/** Adds `from` into `into`, bucket by bucket, scaled by `weight` (default 1). */
export function addFineHistogram(into: FineHistogramAcc, from: FineHistogram, weight = 1): void {
  for (let i = 0; i < FINE_BUCKET_COUNT; i++) {
    into.counts[i]! += (from.counts[i] ?? 0) * weight;
    into.seconds[i]! += (from.seconds[i] ?? 0) * weight;
  }
}

import { BUCKET_BOUNDS_SECONDS, bucketOf } from '../histogram/duration-buckets';
import { FINE_BOUNDS_SECONDS, FINE_BUCKET_COUNT } from '../histogram/fine-buckets';

/** Per fine bucket: the coarse bucket of its lower bound (0 for bucket 0, which starts at -Infinity). */
const BASE = new Int32Array(FINE_BUCKET_COUNT);
/** Per fine bucket: the one coarse bound strictly inside it (durations from it on are one coarse bucket up), else NaN (no duration is >= NaN). */
const SPLIT = new Float64Array(FINE_BUCKET_COUNT);
/** False when some fine bucket holds two coarse bounds: then `coarseBucketInFine` searches the coarse bounds. */
const ONE_SPLIT_AT_MOST = splitTables();

function splitTables(): boolean {
  let atMostOne = true;
  for (let b = 0; b < FINE_BUCKET_COUNT; b++) {
    const lo = b === 0 ? -Infinity : FINE_BOUNDS_SECONDS[b - 1]!;
    const hi = FINE_BOUNDS_SECONDS[b] ?? Infinity;
    BASE[b] = BUCKET_BOUNDS_SECONDS.filter((c) => c <= lo).length;
    const inside = BUCKET_BOUNDS_SECONDS.filter((c) => lo < c && c < hi);
    SPLIT[b] = inside[0] ?? Number.NaN;
    if (inside.length > 1) atMostOne = false;
  }
  return atMostOne;
}

/**
 * The coarse bucket (`bucketOf`) of a duration whose fine bucket (`fineBucketOf`) is
 * `fine`: read off per-fine-bucket tables with at most one comparison instead of a second
 * search. The same answer as `bucketOf(seconds)` for every duration, NaN included (both put
 * it in their last bucket).
 *
 * @example coarseBucketInFine(fineBucketOf(90), 90) === bucketOf(90)
 */
export function coarseBucketInFine(fine: number, seconds: number): number {
  if (!ONE_SPLIT_AT_MOST) return bucketOf(seconds);
  return seconds >= SPLIT[fine]! ? BASE[fine]! + 1 : BASE[fine]!;
}

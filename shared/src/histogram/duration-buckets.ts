/**
 * Fixed logarithmic duration buckets, shared by the service (which stores additive
 * histograms at the step grain) and the visual (which rebuilds medians and p90 from
 * whatever rows Power BI hands it). Changing these bounds changes the data contract.
 *
 * Bucket 0 holds durations of 0 s up to 1 s; bucket i (1..BUCKET_COUNT-2) holds
 * `[BUCKET_BOUNDS_SECONDS[i-1], BUCKET_BOUNDS_SECONDS[i])`; the last bucket is open-ended.
 */
export const BUCKET_BOUNDS_SECONDS: readonly number[] = [
  1,
  10,
  60,
  300,
  900,
  1800,
  3600,
  2 * 3600,
  4 * 3600,
  8 * 3600,
  86400,
  2 * 86400,
  3 * 86400,
  5 * 86400,
  7 * 86400,
  10 * 86400,
  14 * 86400,
  21 * 86400,
  30 * 86400,
  45 * 86400,
  60 * 86400,
  90 * 86400,
  180 * 86400,
  365 * 86400,
];

/** Number of buckets: one per bound plus the open-ended last bucket. */
export const BUCKET_COUNT = BUCKET_BOUNDS_SECONDS.length + 1;

/** Column names of the histogram buckets in the step table: `h00` .. `h24`. */
export const BUCKET_COLUMNS: readonly string[] = Array.from({ length: BUCKET_COUNT }, (_, i) => `h${String(i).padStart(2, '0')}`);

/** The bucket a duration in seconds falls in (negative durations count as 0). */
export function bucketOf(seconds: number): number {
  let lo = 0;
  let hi = BUCKET_BOUNDS_SECONDS.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (seconds < BUCKET_BOUNDS_SECONDS[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Estimates the q-quantile (0..1) in seconds from bucket counts, interpolating
 * geometrically inside the bucket that holds it. Returns NaN for an empty histogram.
 */
export function histogramQuantile(counts: ArrayLike<number>, q: number): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  if (total === 0) return Number.NaN;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (c === 0) continue;
    if (seen + c >= rank) {
      const lower = i === 0 ? 0 : BUCKET_BOUNDS_SECONDS[i - 1]!;
      const upper = BUCKET_BOUNDS_SECONDS[i] ?? lower * 2;
      const f = c === 0 ? 0 : Math.min(1, Math.max(0, (rank - seen) / c));
      if (lower === 0) return upper * f;
      return lower * Math.pow(upper / lower, f);
    }
    seen += c;
  }
  return BUCKET_BOUNDS_SECONDS[BUCKET_BOUNDS_SECONDS.length - 1]!;
}

import { MisuseError, quote } from '../errors';

/**
 * A duration histogram safe to show next to a row of at least `k` cases: every bucket holds 0
 * or at least `k` cases, so no bucket tells where fewer than `k` cases fell. Runs of adjacent
 * buckets are pooled from the shortest durations up until a run holds `k` cases, and the run's
 * cases move to the bucket that holds the run's middle case; a last run under `k` joins the run
 * before it. The total is kept, so medians rebuilt from sums of such histograms stay close to
 * the exact ones. A histogram whose total is under `k` comes back empty (all zeros).
 *
 * @example coarsenHistogram([3, 1, 0, 4, 2], 5) // [0, 10, 0, 0, 0]
 */
export function coarsenHistogram(counts: ArrayLike<number>, k: number): number[] {
  if (!(Number.isInteger(k) && k >= 1)) {
    throw new MisuseError(`coarsenHistogram: minimum group size is invalid, got ${quote(k)}, expected an integer >= 1`);
  }
  const out = new Array<number>(counts.length).fill(0);
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  if (total < k) return out;
  let runStart = 0;
  let run = 0;
  let lastPlaced = -1;
  for (let i = 0; i < counts.length; i++) {
    run += counts[i]!;
    if (run < k) continue;
    lastPlaced = middleBucket(counts, runStart, i, run);
    out[lastPlaced]! += run;
    run = 0;
    runStart = i + 1;
  }
  if (run > 0) out[lastPlaced]! += run;
  return out;
}

/** The bucket in `from..to` that holds the middle case of the run's `total` cases. */
function middleBucket(counts: ArrayLike<number>, from: number, to: number, total: number): number {
  let seen = 0;
  for (let i = from; i <= to; i++) {
    seen += counts[i]!;
    if (seen * 2 >= total) return i;
  }
  return to;
}

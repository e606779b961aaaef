import { MisuseError, quote } from '../errors';
import type { FineHistogram } from '../histogram/fine-buckets';

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
  const out = new Array<number>(counts.length).fill(0);
  coarsenHistogramInto(counts, k, out);
  return out;
}

/**
 * `coarsenHistogram` written into `out` (zeroed first, at least as long as `counts`) instead of a
 * new array: for callers that coarsen many histograms and read each one at once.
 */
export function coarsenHistogramInto(
  counts: ArrayLike<number>,
  k: number,
  out: { [i: number]: number; fill(value: number): unknown },
): void {
  out.fill(0);
  const target = runTargets(counts, k);
  if (!target) return;
  for (let i = 0; i < counts.length; i++) out[target[i]!]! += counts[i]!;
}

/**
 * A fine histogram (counts and summed seconds per bucket) pooled like `coarsenHistogram`: each
 * run's cases and their summed seconds move together to the bucket of the run's middle case, so
 * every bucket holds 0 or at least `k` cases and its seconds are a sum over at least `k` cases
 * (a raw bucket of one case would give that case's exact duration). Totals of counts and
 * seconds are kept; a histogram of fewer than `k` cases comes back empty.
 *
 * @example coarsenFineHistogram({ counts: [1, 4], seconds: [0.5, 6] }, 5) // { counts: [0, 5], seconds: [0, 6.5] }
 */
export function coarsenFineHistogram(fine: FineHistogram, k: number): { counts: number[]; seconds: number[] } {
  const n = fine.counts.length;
  const out = { counts: new Array<number>(n).fill(0), seconds: new Array<number>(n).fill(0) };
  coarsenFineHistogramInto(fine, k, out);
  return out;
}

/**
 * `coarsenFineHistogram` written into `out` (both arrays zeroed first, at least as long as the
 * histogram) instead of new arrays: for callers that coarsen many histograms and read each one at once.
 */
export function coarsenFineHistogramInto(
  fine: FineHistogram,
  k: number,
  out: { counts: { [i: number]: number; fill(value: number): unknown }; seconds: { [i: number]: number; fill(value: number): unknown } },
): void {
  const n = fine.counts.length;
  const { counts, seconds } = out;
  counts.fill(0);
  seconds.fill(0);
  const target = runTargets(fine.counts, k);
  if (!target) return;
  for (let i = 0; i < n; i++) {
    counts[target[i]!]! += fine.counts[i]!;
    seconds[target[i]!]! += fine.seconds[i] ?? 0;
  }
}

/** `runTargets`' answer, reused from call to call (each caller reads it before the next call). */
let targets = new Int32Array(0);

/**
 * The bucket each bucket's cases move to (see `coarsenHistogram`), or null when the total is
 * under `k`. The array is reused by the next call and may be longer than `counts`.
 */
function runTargets(counts: ArrayLike<number>, k: number): Int32Array | null {
  if (!(Number.isInteger(k) && k >= 1)) {
    throw new MisuseError(`coarsenHistogram: minimum group size is invalid, got ${quote(k)}, expected an integer >= 1`);
  }
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  if (total < k) return null;
  if (targets.length < counts.length) targets = new Int32Array(counts.length);
  const target = targets;
  let runStart = 0;
  let run = 0;
  let lastPlaced = -1;
  for (let i = 0; i < counts.length; i++) {
    run += counts[i]!;
    if (run < k) continue;
    lastPlaced = middleBucket(counts, runStart, i, run);
    target.fill(lastPlaced, runStart, i + 1);
    run = 0;
    runStart = i + 1;
  }
  target.fill(lastPlaced, runStart, counts.length);
  return target;
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

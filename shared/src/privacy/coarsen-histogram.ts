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

/** Where `coarsenListedInto` writes: counts (and summed seconds) by bucket, and the buckets it set (ascending). */
export interface ListedHistogramOut {
  readonly counts: { [i: number]: number };
  readonly seconds?: { [i: number]: number } | undefined;
  readonly buckets: number[];
}

/**
 * `coarsenHistogramInto` (with `stride` 3: `coarsenFineHistogramInto`) of a sparse histogram:
 * `entries` holds, by ascending bucket, `bucket, count` (stride 2) or `bucket, count, seconds`
 * (stride 3) for every bucket that holds cases; the other buckets hold 0 cases and +0 seconds.
 * The same runs, targets and sums in the same order as the dense functions, since a bucket of 0
 * cases neither ends a run nor moves a case. `out` holds the previous answer: its `buckets` are
 * set back to 0 first, so `out` stays 0 but for the buckets listed in `out.buckets` (ascending).
 *
 * @example coarsenListedInto([0, 3, 1, 1, 3, 4, 4, 2], 2, 5, out) // out.counts [0, 10, 0, 0, 0], out.buckets [1]
 */
export function coarsenListedInto(entries: ArrayLike<number>, stride: 2 | 3, k: number, out: ListedHistogramOut): void {
  checkMinimumGroupSize(k);
  const { counts: outCounts, seconds: outSeconds, buckets } = out;
  const fine = stride === 3 && outSeconds !== undefined;
  for (let j = 0; j < buckets.length; j++) {
    outCounts[buckets[j]!] = 0;
    if (outSeconds) outSeconds[buckets[j]!] = 0;
  }
  buckets.length = 0;
  const end = entries.length;
  let total = 0;
  for (let j = 1; j < end; j += stride) total += entries[j]!;
  if (total < k) return;
  let runStart = 0;
  let run = 0;
  for (let j = 0; j < end; j += stride) {
    run += entries[j + 1]!;
    if (run < k) continue;
    // The run's middle case: the first bucket where the cases seen reach half the run.
    let seen = 0;
    let target = entries[j]!;
    for (let m = runStart; m <= j; m += stride) {
      seen += entries[m + 1]!;
      if (seen * 2 >= run) {
        target = entries[m]!;
        break;
      }
    }
    buckets.push(target);
    for (let m = runStart; m <= j; m += stride) {
      outCounts[target]! += entries[m + 1]!;
      if (fine) outSeconds[target]! += entries[m + 2]!;
    }
    run = 0;
    runStart = j + stride;
  }
  // A last run under k joins the run before it.
  const last = buckets[buckets.length - 1]!;
  for (let m = runStart; m < end; m += stride) {
    outCounts[last]! += entries[m + 1]!;
    if (fine) outSeconds[last]! += entries[m + 2]!;
  }
}

/** `runTargets`' answer, reused from call to call (each caller reads it before the next call). */
let targets = new Int32Array(0);

/**
 * The bucket each bucket's cases move to (see `coarsenHistogram`), or null when the total is
 * under `k`. The array is reused by the next call and may be longer than `counts`.
 */
function runTargets(counts: ArrayLike<number>, k: number): Int32Array | null {
  checkMinimumGroupSize(k);
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

function checkMinimumGroupSize(k: number): void {
  if (!(Number.isInteger(k) && k >= 1)) {
    throw new MisuseError(`coarsenHistogram: minimum group size is invalid, got ${quote(k)}, expected an integer >= 1`);
  }
}

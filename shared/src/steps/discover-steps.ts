import type { EventLog } from '../event-log/types';
import { BUCKET_COUNT } from '../histogram/duration-buckets';
import { FINE_BUCKET_COUNT, fineBucketOf, type FineHistogram } from '../histogram/fine-buckets';
import { coarseBucketInFine } from './coarse-of-fine';
import { discoverVariants, type Variants } from '../variants/discover-variants';
import { STEP_END, STEP_START, type StepRow } from './types';

/** A step row with the group (e.g. jobcenter and period) its cases belong to. */
export interface GroupedStepRow extends StepRow {
  group: string;
  /**
   * The fine buckets whose count is not 0, each once (in no particular order): every other
   * bucket of `fine` holds 0 cases and 0 seconds. Given by `forEachStepRow`, so that a sum over
   * the rows reads a few buckets instead of all of them.
   */
  fineBuckets?: readonly number[];
  /** Like `fineBuckets`, for the coarse `histogram`: its buckets whose count is not 0, each once. */
  histogramBuckets?: readonly number[];
}

/** Options of `discoverSteps`. */
export interface DiscoverStepsOptions {
  /** The group of a case (e.g. `jobcenter|2024-03`); all cases in group '' without it. */
  groupOf?: (caseIndex: number) => string;
  /** Variants already discovered for this log. */
  variants?: Variants;
}

/**
 * The step table of a log: one row per (group, variant, step) with the cases, the
 * summed seconds and the coarse and fine duration histograms of that step (see
 * `steps/types.ts`). Step 0 (START -> first) takes 0 seconds (bucket 0); step n
 * (last -> END) takes 0 seconds but its histograms count the cases' durations.
 * Rows are ordered by variant (most frequent first), then group name, then step. The rows'
 * fine histograms are views into buffers shared by many rows: read them, copy to change them.
 *
 * @example
 * discoverSteps(log, { groupOf: (c) => jobcenterOf(c) })
 */
export function discoverSteps(log: EventLog, options: DiscoverStepsOptions = {}): GroupedStepRow[] {
  const rows: GroupedStepRow[] = [];
  const arena = new FineArena();
  stepRowsOf(log, options, { take: (length) => arena.take(length), histogram: histogramOf }, (row) => rows.push(row));
  return rows;
}

/**
 * The rows of `discoverSteps`, one at a time and in the same order, without keeping them: a
 * row's histograms (the coarse array and the fine views) and its `fineBuckets` are reused for
 * the same step of the next (group, variant), so `emit` reads or copies them at once. For
 * callers that write or sum the rows as they come (precompute of a large log), where holding
 * every row costs hundreds of megabytes and a fresh histogram per row costs garbage collection.
 *
 * @example
 * forEachStepRow(log, { variants }, (row) => total += row.cases);
 */
export function forEachStepRow(log: EventLog, options: DiscoverStepsOptions, emit: (row: GroupedStepRow) => void): void {
  const block = new ReusedFineBlock();
  /** Per step index: its coarse histogram, all 0 but the buckets of the row being emitted (set back to 0 after it). */
  const arrays: number[][] = [];
  const histogram = (hist: Uint32Array, from: number, length: number, buckets: readonly number[]): number[] => {
    const out = (arrays[from / length] ??= new Array<number>(length).fill(0));
    for (let j = 0; j < buckets.length; j++) out[buckets[j]!] = hist[from + buckets[j]!]!;
    return out;
  };
  const clear = (from: number, length: number, buckets: readonly number[]): void => {
    const out = arrays[from / length]!;
    for (let j = 0; j < buckets.length; j++) out[buckets[j]!] = 0;
  };
  stepRowsOf(log, options, { take: (length) => block.take(length), histogram, clear, reused: true }, emit);
}

/** Where the rows' histograms live: fine blocks per (group, variant), and the coarse histogram of a step. */
interface RowBuffers {
  take(length: number): FineBlock;
  /**
   * `length` counts of `hist` from `from` on (a multiple of `length`), as a plain array;
   * `buckets` lists those that are not 0.
   */
  histogram(hist: Uint32Array, from: number, length: number, buckets: readonly number[]): number[];
  /** Called after the rows of a (group, variant) were emitted, per step, when `histogram` hands out reused arrays. */
  clear?(from: number, length: number, buckets: readonly number[]): void;
  /**
   * True when `take` hands out the same block again: then the rows carry `fineBuckets`, and
   * `stepRowsOf` sets the buckets it counted back to 0 after a (group, variant), so `take` need
   * not clear the block.
   */
  reused?: boolean;
}

function stepRowsOf(log: EventLog, options: DiscoverStepsOptions, buffers: RowBuffers, emit: (row: GroupedStepRow) => void): void {
  const { variants } = options.variants ?? discoverVariants(log);
  const caseCount = log.caseIds.length;
  const groupNames: string[] = [];
  const groupOfCase = new Float64Array(caseCount);
  if (options.groupOf) {
    const names = Array.from({ length: caseCount }, (_, c) => options.groupOf!(c));
    const ids = new Map([...new Set(names)].sort().map((g, i) => [g, i] as const));
    for (const [g] of ids) groupNames.push(g);
    for (let c = 0; c < caseCount; c++) groupOfCase[c] = ids.get(names[c]!)!;
  } else groupNames.push('');

  const B = BUCKET_COUNT;
  const F = FINE_BUCKET_COUNT;
  const reused = buffers.reused === true;
  /** Per step index: the fine buckets counted in the current (group, variant), each once. */
  const bucketsOf: number[][] = [];
  /** Per step index: the coarse buckets counted in the current (group, variant), each once. */
  const coarseOf: number[][] = [];
  /** The coarse counts of the current (group, variant), by step: 0 but the buckets in `coarseOf` (set back to 0 after each). */
  let hist = new Uint32Array(0);
  for (const variant of variants) {
    const n = variant.activities.length;
    const members = sortByGroup(variant.caseIndices, groupOfCase, caseCount);
    const sums = new Float64Array(n + 1);
    if (hist.length < (n + 1) * B) hist = new Uint32Array(Math.max((n + 1) * B, 2 * hist.length));
    for (let k = bucketsOf.length; k <= n; k++) {
      bucketsOf.push([]);
      coarseOf.push([]);
    }
    for (let i = 0; i < members.length;) {
      const g = groupOfCase[members[i]!]!;
      sums.fill(0);
      const fine = buffers.take((n + 1) * F);
      const { counts, seconds: fineSeconds } = fine;
      const run: RunSums = { sums, hist, counts, seconds: fineSeconds, coarseOf, bucketsOf };
      const end = countRun(log, members, i, groupOfCase, n, run);
      const cases = end - i;
      i = end;
      hist[0] = cases;
      coarseOf[0]!.push(0);
      counts[0] = cases;
      bucketsOf[0]!.push(0);
      for (let k = 0; k <= n; k++) {
        const row: GroupedStepRow = {
          group: groupNames[g]!,
          variantKey: variant.key,
          stepIndex: k,
          from: k === 0 ? STEP_START : variant.activities[k - 1]!,
          to: k === n ? STEP_END : variant.activities[k]!,
          cases,
          sumSeconds: sums[k]!,
          histogram: buffers.histogram(hist, k * B, B, coarseOf[k]!),
          fine: fine.histogram(k * F, F),
        };
        if (reused) {
          row.fineBuckets = bucketsOf[k]!;
          row.histogramBuckets = coarseOf[k]!;
        }
        emit(row);
      }
      for (let k = 0; k <= n; k++) {
        if (reused) buffers.clear?.(k * B, B, coarseOf[k]!);
      }
      clearRun(n, reused, run);
    }
  }
}

/** What the cases of one (group, variant) are counted into (see `countRun`). */
interface RunSums {
  /** Per step: the summed seconds. */
  sums: Float64Array;
  /** Per step, `BUCKET_COUNT` coarse counts. */
  hist: Uint32Array;
  /** Per step, `FINE_BUCKET_COUNT` fine counts and summed seconds. */
  counts: Uint32Array;
  seconds: Float64Array;
  /** Per step: the coarse and the fine buckets counted, each once. */
  coarseOf: number[][];
  bucketsOf: number[][];
}

/**
 * Counts the steps of `members` from `from` on while their cases are in the group of the first
 * one: each step's seconds into its sums and histograms (the END step: the case's duration).
 * Returns the index after the run. A function of its own, called once per (group, variant), so
 * that V8 optimizes it as a whole rather than on stack inside `stepRowsOf`'s loops.
 */
function countRun(log: EventLog, members: Uint32Array, from: number, groupOfCase: Float64Array, n: number, run: RunSums): number {
  const { caseOffsets, timestamp } = log;
  const sums = run.sums;
  const g = groupOfCase[members[from]!]!;
  let i = from;
  for (; i < members.length && groupOfCase[members[i]!] === g; i++) {
    const lo = caseOffsets[members[i]!]!;
    for (let k = 1; k < n; k++) {
      const seconds = (timestamp[lo + k]! - timestamp[lo + k - 1]!) / 1000;
      sums[k]! += seconds;
      countSeconds(run, k, seconds);
    }
    countSeconds(run, n, (timestamp[lo + n - 1]! - timestamp[lo]!) / 1000);
  }
  return i;
}

/** Counts `seconds` into step `k`'s coarse and fine histograms, listing a bucket the first time it is counted. */
function countSeconds(run: RunSums, k: number, seconds: number): void {
  const b = fineBucketOf(seconds);
  const h = k * BUCKET_COUNT + coarseBucketInFine(b, seconds);
  if (run.hist[h]!++ === 0) run.coarseOf[k]!.push(h - k * BUCKET_COUNT);
  const f = k * FINE_BUCKET_COUNT + b;
  if (run.counts[f]!++ === 0) run.bucketsOf[k]!.push(b);
  run.seconds[f]! += seconds;
}

/** Sets what `countRun` counted back to 0 (the fine buckets only when `reused`: else the block is not taken again) and empties the bucket lists. */
function clearRun(n: number, reused: boolean, run: RunSums): void {
  const B = BUCKET_COUNT;
  const F = FINE_BUCKET_COUNT;
  const { hist, counts, seconds, coarseOf, bucketsOf } = run;
  for (let k = 0; k <= n; k++) {
    const buckets = bucketsOf[k]!;
    if (reused) {
      for (let j = 0; j < buckets.length; j++) {
        counts[k * F + buckets[j]!] = 0;
        seconds[k * F + buckets[j]!] = 0;
      }
    }
    const coarse = coarseOf[k]!;
    for (let j = 0; j < coarse.length; j++) hist[k * B + coarse[j]!] = 0;
    buckets.length = 0;
    coarse.length = 0;
  }
}

/** Buckets per arena chunk (1 MiB of counts and 2 MiB of seconds). */
const CHUNK_BUCKETS = 1 << 18;

/** Zeroed fine-histogram space of one (variant, group): `counts` and `seconds` from `offset` on. */
interface FineBlock {
  readonly counts: Uint32Array;
  readonly seconds: Float64Array;
  /** The fine histogram of buckets `from .. from + length` of this block, as views (no copy). */
  histogram(from: number, length: number): FineHistogram;
}

/**
 * Hands out zeroed fine-histogram space from large shared buffers. A pair of buffers per
 * variant made 40,000 buffer allocations for a 200,000-event log, which cost more than the
 * mining; views made with the typed-array constructor are 3x faster than `subarray` and
 * 4x faster than a `slice` copy per row.
 */
class FineArena {
  private counts = new Uint32Array(0);
  private seconds = new Float64Array(0);
  private used = 0;

  take(length: number): FineBlock {
    if (this.used + length > this.counts.length) {
      const size = Math.max(CHUNK_BUCKETS, length);
      this.counts = new Uint32Array(size);
      this.seconds = new Float64Array(size);
      this.used = 0;
    }
    const offset = this.used;
    this.used += length;
    const counts = this.counts.subarray(offset, offset + length);
    const seconds = this.seconds.subarray(offset, offset + length);
    const countsBuffer = this.counts.buffer;
    const secondsBuffer = this.seconds.buffer;
    return {
      counts,
      seconds,
      histogram: (from, n) => ({
        counts: new Uint32Array(countsBuffer, (offset + from) * Uint32Array.BYTES_PER_ELEMENT, n),
        seconds: new Float64Array(secondsBuffer, (offset + from) * Float64Array.BYTES_PER_ELEMENT, n),
      }),
    };
  }
}

/**
 * One zeroed fine-histogram block, handed out again for each (variant, group): the caller sets
 * what it counted back to 0 before it takes the block again. The views of its steps are made
 * once per buffer and handed out again too.
 */
class ReusedFineBlock {
  private counts = new Uint32Array(0);
  private seconds = new Float64Array(0);
  private views: FineHistogram[] = [];

  take(length: number): FineBlock {
    if (length > this.counts.length) {
      this.counts = new Uint32Array(Math.max(length, 2 * this.counts.length));
      this.seconds = new Float64Array(this.counts.length);
      this.views = [];
    }
    return { counts: this.counts, seconds: this.seconds, histogram: this.viewOf };
  }

  private readonly viewOf = (from: number, n: number): FineHistogram => {
    const k = from / n;
    let view = this.views[k];
    if (view === undefined || view.counts.length !== n) {
      view = { counts: this.counts.subarray(from, from + n), seconds: this.seconds.subarray(from, from + n) };
      if (Number.isInteger(k)) this.views[k] = view;
    }
    return view;
  };
}

/** `length` counts from `from` on, as a plain array (faster than `Array.from` of a view). */
function histogramOf(hist: Uint32Array, from: number, length: number): number[] {
  const out = new Array<number>(length);
  for (let j = 0; j < length; j++) out[j] = hist[from + j]!;
  return out;
}

/**
 * `members` ordered by group, then case (`members` itself when already in group order). Each loop
 * is a function of its own that ends with it: V8 compiles a long loop on the stack, and code after
 * it that had not run by then would deoptimise at every later call.
 */
function sortByGroup(members: Uint32Array, groupOf: Float64Array, caseCount: number): Uint32Array {
  if (inGroupOrder(members, groupOf)) return members;
  const keys = groupKeys(members, groupOf, caseCount);
  keys.sort();
  return casesOfKeys(keys, caseCount);
}

function inGroupOrder(members: Uint32Array, groupOf: Float64Array): boolean {
  let sorted = true;
  for (let i = 1; i < members.length && sorted; i++) sorted = groupOf[members[i - 1]!]! <= groupOf[members[i]!]!;
  return sorted;
}

/** A key per member that sorts by group, then case. */
function groupKeys(members: Uint32Array, groupOf: Float64Array, caseCount: number): Float64Array {
  const keys = new Float64Array(members.length);
  for (let i = 0; i < members.length; i++) keys[i] = groupOf[members[i]!]! * caseCount + members[i]!;
  return keys;
}

function casesOfKeys(keys: Float64Array, caseCount: number): Uint32Array {
  const out = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = keys[i]! % caseCount;
  return out;
}

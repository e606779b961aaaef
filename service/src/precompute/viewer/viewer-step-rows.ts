import {
  BUCKET_COUNT,
  coarsenFineHistogram,
  coarsenHistogram,
  coarsenListedInto,
  emptyFineHistogram,
  FINE_BUCKET_COUNT,
  OTHER_VARIANTS_KEY,
  STEP_END,
  STEP_START,
  type FineHistogram,
  type FineHistogramAcc,
  type GroupedStepRow,
} from '@sagsflow/shared';
import type { ViewerModelInput } from './viewer-input';

/** The activity that stands for a cell's "other variants" on the viewer-grade map. */
export const OTHER_VARIANTS_ACTIVITY = 'andre varianter';

/** The cases of one viewer cell's "other variants": counts, summed seconds and their duration histograms. */
export interface OtherPool {
  cases: number;
  events: number;
  open: number;
  sumSeconds: number;
  hist: number[];
  fine: FineHistogramAcc;
}

/**
 * The summed step row of a kept (viewer cell, variant) pair. Its histograms are sparse (a step
 * row holds cases in two or three of the 75 fine buckets): the buckets that hold cases, in the
 * order first counted, with their sums.
 */
export interface ViewerStepSum extends Pick<GroupedStepRow, 'group' | 'variantKey' | 'stepIndex' | 'from' | 'to' | 'cases' | 'sumSeconds'> {
  /** `bucket, count` per coarse bucket that holds cases. */
  coarse: number[];
  /** `bucket, count, seconds` per fine bucket that holds cases (or seconds). */
  fine: number[];
}

/**
 * Exact step rows of kept variants summed per kept (viewer cell, variant) pair: `add` takes the
 * exact rows in `discoverSteps` order (runs of one cell and variant, steps 0..n) and copies what
 * it needs, so the rows need not be kept.
 */
export interface ViewerStepSums {
  add(row: GroupedStepRow): void;
  /** Per kept pair (index into `kept`): its summed rows by step index. */
  readonly ofPair: readonly (readonly ViewerStepSum[])[];
}

/** Adds `count` to bucket `b` of sparse `bucket, count` entries (a new entry when `b` has none). */
function addCoarseEntry(entries: number[], b: number, count: number): void {
  for (let j = 0; j < entries.length; j += 2) {
    if (entries[j] === b) {
      entries[j + 1]! += count;
      return;
    }
  }
  entries.push(b, count);
}

/** Adds `count` and `seconds` to bucket `b` of sparse `bucket, count, seconds` entries (a new entry when `b` has none). */
function addFineEntry(entries: number[], b: number, count: number, seconds: number): void {
  for (let j = 0; j < entries.length; j += 3) {
    if (entries[j] === b) {
      entries[j + 1]! += count;
      entries[j + 2]! += seconds;
      return;
    }
  }
  // A new entry starts from +0 as a dense sum does (0 + -0 is +0).
  entries.push(b, count, 0 + seconds);
}

/** Adds a row's coarse histogram into a sparse sum: its listed buckets, or every bucket that holds cases. */
function addCoarse(entries: number[], r: GroupedStepRow): void {
  const from = r.histogram;
  const listed = r.histogramBuckets;
  if (listed !== undefined) {
    for (let j = 0; j < listed.length; j++) addCoarseEntry(entries, listed[j]!, from[listed[j]!]!);
    return;
  }
  for (let b = 0; b < BUCKET_COUNT; b++) if (from[b] !== 0) addCoarseEntry(entries, b, from[b]!);
}

/** Adds a row's fine histogram into a sparse sum: its listed buckets, or every bucket whose count or seconds are not 0. */
function addFine(entries: number[], fine: FineHistogram, listed: readonly number[] | undefined): void {
  if (listed !== undefined) {
    for (let j = 0; j < listed.length; j++) addFineEntry(entries, listed[j]!, fine.counts[listed[j]!]!, fine.seconds[listed[j]!]!);
    return;
  }
  for (let b = 0; b < FINE_BUCKET_COUNT; b++) {
    const c = fine.counts[b]!;
    const sec = fine.seconds[b]!;
    if (c !== 0 || sec !== 0) addFineEntry(entries, b, c, sec);
  }
}

/** Sorts sparse entries of `stride` numbers by their first number (the bucket), in place (a few entries: insertion sort). */
function sortEntries(entries: number[], stride: 2 | 3): number[] {
  for (let i = stride; i < entries.length; i += stride) {
    for (let j = i; j > 0 && entries[j - stride]! > entries[j]!; j -= stride) {
      for (let x = 0; x < stride; x++) {
        const t = entries[j + x]!;
        entries[j + x] = entries[j - stride + x]!;
        entries[j - stride + x] = t;
      }
    }
  }
  return entries;
}

/** Empty step sums for the kept pairs of a viewer grouping. */
export function createViewerStepSums(input: Pick<ViewerModelInput, 'variants' | 'pairs' | 'cells' | 'kept'>): ViewerStepSums {
  const { kept } = input;
  const V = input.variants.variants.length;
  const variantIndex = new Map(input.variants.variants.map((v, i) => [v.key, i]));
  const exactPair = new Map<number, number>();
  for (let p = 0; p < input.pairs.count; p++) exactPair.set(input.pairs.group[p]! * V + input.pairs.variant[p]!, p);
  const pairIndex = new Map<number, number>();
  for (let p = 0; p < kept.count; p++) pairIndex.set(kept.group[p]! * V + kept.variant[p]!, p);
  const stepsOfPair: ViewerStepSum[][] = Array.from({ length: kept.count }, () => []);
  // Rows come in runs of one (group, variant), steps 0..n: the viewer pair is looked up once a run.
  let cell = -1;
  let p: number | undefined;
  return {
    ofPair: stepsOfPair,
    add(r) {
      if (r.stepIndex === 0) {
        const v = variantIndex.get(r.variantKey)!;
        const e = exactPair.get(Number(r.group) * V + v)!;
        cell = input.cells.cellOfPair[e]!;
        p = cell < 0 || !input.cells.keptPair[e] ? undefined : pairIndex.get(cell * V + v);
      }
      if (p === undefined) return;
      const rows = stepsOfPair[p]!;
      const acc = (rows[r.stepIndex] ??= {
        group: String(cell),
        variantKey: r.variantKey,
        stepIndex: r.stepIndex,
        from: r.from,
        to: r.to,
        cases: 0,
        sumSeconds: 0,
        coarse: [],
        fine: [],
      });
      acc.cases += r.cases;
      acc.sumSeconds += r.sumSeconds;
      addCoarse(acc.coarse, r);
      if (r.fine) addFine(acc.fine, r.fine, r.fineBuckets);
    },
  };
}

/**
 * The viewer step rows, one at a time in table order: the exact rows of kept variants summed per
 * viewer cell (`input.stepSums`, histograms coarsened to buckets of 0 or at least k cases), then
 * each cell's "other variants" path. A row's histograms are reused for the next row: `emit` reads
 * them at once (writes the row, adds it to the edge sums), so no coarsened copy of a row is kept.
 */
export function emitViewerStepRows(input: ViewerModelInput, pools: readonly OtherPool[], emit: (row: GroupedStepRow) => void): void {
  const { kept } = input;
  const stepsOfPair = input.stepSums.ofPair;
  const order = Array.from({ length: kept.count }, (_, p) => p).sort(
    (a, b) => kept.group[a]! - kept.group[b]! || kept.variant[a]! - kept.variant[b]!,
  );
  const coarse = { counts: new Array<number>(BUCKET_COUNT).fill(0), buckets: [] as number[] };
  const fine = emptyFineHistogram();
  const fineOut = { counts: fine.counts, seconds: fine.seconds, buckets: [] as number[] };
  for (const p of order) {
    for (const row of stepsOfPair[p]!) {
      // Coarsened over the buckets that hold cases (the same answer as over all of them), so the
      // row is written and summed into edges from its few buckets.
      coarsenListedInto(sortEntries(row.coarse, 2), 2, input.k, coarse);
      coarsenListedInto(sortEntries(row.fine, 3), 3, input.k, fineOut);
      const out: GroupedStepRow = {
        group: row.group,
        variantKey: row.variantKey,
        stepIndex: row.stepIndex,
        from: row.from,
        to: row.to,
        cases: row.cases,
        sumSeconds: row.sumSeconds,
        histogram: coarse.counts,
        fine,
      };
      out.fineBuckets = fineOut.buckets;
      out.histogramBuckets = coarse.buckets;
      emit(out);
    }
  }
  pools.forEach((pool, cell) => {
    if (pool.cases === 0) return;
    const start = new Array<number>(BUCKET_COUNT).fill(0);
    start[0] = pool.cases;
    const startFine = emptyFineHistogram();
    startFine.counts[0] = pool.cases;
    const group = String(cell);
    emit({
      group,
      variantKey: OTHER_VARIANTS_KEY,
      stepIndex: 0,
      from: STEP_START,
      to: OTHER_VARIANTS_ACTIVITY,
      cases: pool.cases,
      sumSeconds: 0,
      histogram: start,
      fine: startFine,
    });
    emit({
      group,
      variantKey: OTHER_VARIANTS_KEY,
      stepIndex: 1,
      from: OTHER_VARIANTS_ACTIVITY,
      to: STEP_END,
      cases: pool.cases,
      sumSeconds: pool.sumSeconds,
      histogram: coarsenHistogram(pool.hist, input.k),
      fine: coarsenFineHistogram(pool.fine, input.k),
    });
  });
}

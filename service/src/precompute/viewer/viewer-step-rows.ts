import {
  BUCKET_COUNT,
  coarsenFineHistogram,
  coarsenFineHistogramInto,
  coarsenHistogram,
  coarsenHistogramInto,
  emptyFineHistogram,
  FINE_BUCKET_COUNT,
  OTHER_VARIANTS_KEY,
  STEP_END,
  STEP_START,
  type FineHistogramAcc,
  type GroupedStepRow,
} from '@sagsflow/shared';
import type { ViewerModelInput } from './viewer-input';
import { addNonZero, addNonZeroFine } from '../fine-sums';

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

/** Fine-histogram accumulators carved zeroed from shared blocks: one allocation per `PER_BLOCK` accumulators instead of two each. */
function fineAccumulators(): () => FineHistogramAcc {
  const PER_BLOCK = 512;
  const width = 2 * FINE_BUCKET_COUNT;
  let block = new Float64Array(0);
  let used = PER_BLOCK;
  return () => {
    if (used === PER_BLOCK) {
      block = new Float64Array(PER_BLOCK * width);
      used = 0;
    }
    const base = used++ * width;
    return { counts: block.subarray(base, base + FINE_BUCKET_COUNT), seconds: block.subarray(base + FINE_BUCKET_COUNT, base + width) };
  };
}

/**
 * Exact step rows of kept variants summed per kept (viewer cell, variant) pair: `add` takes the
 * exact rows in `discoverSteps` order (runs of one cell and variant, steps 0..n) and copies what
 * it needs, so the rows need not be kept.
 */
export interface ViewerStepSums {
  add(row: GroupedStepRow): void;
  /** Per kept pair (index into `kept`): its summed rows by step index. */
  readonly ofPair: readonly (readonly GroupedStepRow[])[];
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
  const stepsOfPair: GroupedStepRow[][] = Array.from({ length: kept.count }, () => []);
  const newFine = fineAccumulators();
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
        histogram: new Array<number>(BUCKET_COUNT).fill(0),
        fine: newFine(),
      });
      acc.cases += r.cases;
      acc.sumSeconds += r.sumSeconds;
      addNonZero(acc.histogram, r.histogram, r.histogramBuckets);
      if (r.fine) addNonZeroFine(acc.fine as FineHistogramAcc, r.fine, r.fineBuckets);
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
  const histogram = new Array<number>(BUCKET_COUNT).fill(0);
  const fine = emptyFineHistogram();
  for (const p of order) {
    for (const row of stepsOfPair[p]!) {
      coarsenHistogramInto(row.histogram, input.k, histogram);
      coarsenFineHistogramInto(row.fine!, input.k, fine);
      emit({ ...row, histogram, fine });
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

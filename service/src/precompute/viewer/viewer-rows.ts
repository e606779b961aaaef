import type { ModelRows } from '../model-writer';
import { decideViewerCells } from './viewer-cells';
import { VIEWER_TABLE_BUILDERS } from './registry';
import type { ViewerModelInput } from './viewer-input';
import { keptPairs } from './kept-pairs';
import { createViewerStepSums } from './viewer-step-rows';

/** What building the viewer model cost, as stored in `viewer_builds`. */
export interface ViewerBuildSummary {
  k: number;
  cases: number;
  /** Cases of variants shown as themselves, in a coarser cell than their own (jobcenter, month). */
  mergedCellCases: number;
  /** Cases in "other variants" rows. */
  otherVariantCases: number;
  /** Cases left out: no group of k even after every merge. */
  suppressedCases: number;
  /** Share of cases not shown at their own (jobcenter, month, variant): the price of k. */
  mergedShare: number;
}

/** The exact model's inputs a viewer-grade model is built from (`ViewerModelInput` without the viewer grouping). */
export type ExactModelInput = Omit<ViewerModelInput, 'cells' | 'cellOfCase' | 'keptCase' | 'kept' | 'stepSums'>;

/**
 * Decides the viewer rows of an exact model (`decideViewerCells`: every variant in a cell of at
 * least k cases, else in a cell's "other variants") and starts the viewer step sums. Feed every
 * exact step row to `stepSums.add` (in `discoverSteps` order), then call `writeViewerModel`.
 */
export function prepareViewerModel(exact: ExactModelInput): ViewerModelInput {
  const { pairs, k } = exact;
  const cells = decideViewerCells(exact.groups, pairs.group, pairs.variant, pairs.cases, k);
  const n = exact.stats.length;
  const cellOfCase = new Int32Array(n);
  const keptCase = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const p = pairs.pairOfCase[c]!;
    cellOfCase[c] = cells.cellOfPair[p]!;
    keptCase[c] = cells.keptPair[p]!;
  }
  const kept = keptPairs({ variants: exact.variants, stats: exact.stats, cellOfCase, keptCase });
  const stepSums = createViewerStepSums({ variants: exact.variants, pairs, cells, kept });
  return { ...exact, cells, cellOfCase, keptCase, kept, stepSums };
}

/**
 * Computes the viewer-grade rows of a prepared input whose step sums hold every exact step row:
 * runs every registered viewer-grade builder into `out`, and returns the k and the price.
 */
export function viewerRows(input: ViewerModelInput, out: ModelRows): ViewerBuildSummary {
  const { cells, k } = input;
  const n = input.stats.length;
  for (const builder of VIEWER_TABLE_BUILDERS) builder.build(input, out);
  return {
    k,
    cases: n,
    mergedCellCases: cells.mergedCases,
    otherVariantCases: cells.otherVariantCases,
    suppressedCases: cells.suppressedCases,
    mergedShare: n === 0 ? 0 : (cells.mergedCases + cells.otherVariantCases + cells.suppressedCases) / n,
  };
}

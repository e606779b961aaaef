import type { ActivityInstances, CaseStatistics, EventLog, Variants } from '@sagsflow/shared';
import type { Grain } from '../case-groups';
import type { GroupVariants } from '../group-variants';
import type { ModelRows } from '../model-writer';
import type { ViewerCells } from './viewer-cells';
import type { ViewerStepSums } from './viewer-step-rows';

/**
 * What a viewer-grade builder gets: the exact model's inputs (the log, its variants, case
 * statistics, exact cells, and the exact step rows summed per kept pair) and the viewer grouping decided once for every table:
 * the merged cells, each case's viewer cell and whether its variant is shown as itself.
 */
export interface ViewerModelInput {
  log: EventLog;
  k: number;
  variants: Variants;
  stats: readonly CaseStatistics[];
  /** Exact cells and each case's exact cell. */
  groups: readonly Grain[];
  groupOfCase: Int32Array;
  /** 1 when the case ended with an end activity of its process. */
  closed: Uint8Array;
  /** Exact (cell, variant) pairs. */
  pairs: GroupVariants;
  /** Activity ids of each variant. */
  seqs: readonly Uint32Array[];
  /** The log's activity instances (`pairActivityInstances`), paired once for the exact and the viewer activities. */
  instances: ActivityInstances;
  cells: ViewerCells;
  /** Viewer cell of each case, -1 for cases left out. */
  cellOfCase: Int32Array;
  /** 1 when the case's variant is shown as itself in its viewer cell, 0 when it is in "other variants" (or left out). */
  keptCase: Uint8Array;
  /** Kept (viewer cell, variant) pairs: the cases of variants shown as themselves (`keptPairs`). */
  kept: GroupVariants;
  /** The exact step rows of kept variants summed per kept pair, fed while the exact steps are written. */
  stepSums: ViewerStepSums;
}

/** Writes rows of viewer-grade tables: `add('steps', …)` writes `viewer_steps`. */
export type ViewerWriter = ModelRows;

/**
 * A viewer-grade builder: writes the viewer form of one or more model tables from the viewer
 * grouping. It must write only rows of at least `k` cases (sums over `cellOfCase`, with cases of
 * kept variants as they are and the others pooled per cell), so that every figure a viewer can
 * get is a sum of such rows.
 */
export interface ViewerTableBuilder {
  /** The viewer tables this builder writes, e.g. `['viewer_steps', 'viewer_edges']`. */
  tables: readonly string[];
  build(input: ViewerModelInput, out: ViewerWriter): void;
}

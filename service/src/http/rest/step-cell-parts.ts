import { stepCellStamp } from '../../db/step-cell-stamp';
import { stepCellWhere, type StepCell } from '../../db/step-cells';
import { aggregateStepSums, readCaseDurations, readEdgeHistograms, readStepSums, type StepSums } from '../../db/step-rows';
import type { AppContext } from '../app-env';
import { createCellCache, type CellCache, type CellRef } from '../model/cell-cache';
import type { CountedMap } from './merge-cell-maps';

/** What of the step sums a route shows besides the variant steps. */
export interface StepSumParts {
  caseDurations: boolean;
  edgeHistograms: boolean;
}

const cellCaches = new WeakMap<AppContext['cache'], CellCache>();
const CELL_CACHE_BYTES = 256 * 1024 * 1024;
const FINE_BYTES = 2 * 8 * 80;

/**
 * The cache of per-cell sums of an app: its own budget (the cells of a 200,000-row step table
 * take about 80 MB); a cell is kept until its stamp moves (`stepCellStamp`), checked once each
 * time the answer cache clears, so a load of one log keeps the cells of the others.
 */
function cellCache(ctx: AppContext): CellCache {
  let cache = cellCaches.get(ctx.cache);
  if (!cache) {
    cache = createCellCache(ctx.cache.generation, { maxBytes: CELL_CACHE_BYTES, maxEntryBytes: 16 * 1024 * 1024 });
    cellCaches.set(ctx.cache, cache);
  }
  return cache;
}

const cellRef = (ctx: AppContext, table: string, log: string, cell: StepCell): CellRef => ({
  id: JSON.stringify([table, log, cell.jobcenter, cell.period]),
  stamp: () => stepCellStamp(ctx.sqlite, table, log, cell),
});

/** True when the cell cache holds 80% of its budget: warming on would only evict what it warmed. */
export function cellCacheNearlyFull(ctx: AppContext): boolean {
  return cellCache(ctx).bytes() >= 0.8 * CELL_CACHE_BYTES;
}

/** Reads one part of a cell through the cell cache. */
function cached<T>(ctx: AppContext, table: string, log: string, cell: StepCell, part: string, read: () => T, size: (v: T) => number): T {
  const ref = cellRef(ctx, table, log, cell);
  return cellCache(ctx).get(ref.id, ref.stamp, part, read, size);
}

/**
 * A value merged from cells of a log (`what` names it), cached in the cell cache: kept while
 * none of the cells changed, so the merged answers of a log survive a load of another log.
 */
export function mergedFromCells<T>(
  ctx: AppContext,
  table: string,
  log: string,
  cells: readonly StepCell[],
  what: string,
  merge: () => T,
  size: (v: T) => number,
): T {
  const refs = cells.map((cell) => cellRef(ctx, table, log, cell));
  return cellCache(ctx).derived(JSON.stringify([what, refs.map((r) => r.id)]), refs, merge, size);
}

/** The step sums of one cell (one jobcenter, one period of a log), cached: the variant steps and the parts asked for. */
export function cellStepSums(ctx: AppContext, table: string, log: string, cell: StepCell, parts: StepSumParts): StepSums {
  const where = stepCellWhere(log, cell);
  return {
    steps: cached(
      ctx,
      table,
      log,
      cell,
      'steps',
      () => readStepSums(ctx.sqlite, table, where),
      (s) => 160 * s.length,
    ),
    caseDurations: parts.caseDurations
      ? cached(
          ctx,
          table,
          log,
          cell,
          'caseDurations',
          () => readCaseDurations(ctx.sqlite, table, where),
          (m) => (FINE_BYTES + 64) * m.size,
        )
      : null,
    edgeHistograms: parts.edgeHistograms
      ? cached(
          ctx,
          table,
          log,
          cell,
          'edgeHistograms',
          () => readEdgeHistograms(ctx.sqlite, table, where),
          (m) => (FINE_BYTES + 8 * 30 + 128) * m.size,
        )
      : null,
  };
}

/** The process map of one cell, cached (its edge histograms are read for it and not kept apart). */
export function cellMap(ctx: AppContext, table: string, log: string, cell: StepCell): CountedMap {
  return cached(
    ctx,
    table,
    log,
    cell,
    'map',
    () => {
      const where = stepCellWhere(log, cell);
      const { map, cases } = aggregateStepSums({
        steps: cellStepSums(ctx, table, log, cell, { caseDurations: false, edgeHistograms: false }).steps,
        caseDurations: null,
        edgeHistograms: readEdgeHistograms(ctx.sqlite, table, where),
      });
      return { map, cases };
    },
    (m) => 256 * m.map.nodes.length + (FINE_BYTES + 8 * 30 + 256) * m.map.edges.length,
  );
}

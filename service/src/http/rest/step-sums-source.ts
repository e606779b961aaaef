import type { Context } from 'hono';
import type { AggregatedSteps } from '@sagsflow/shared';
import { cellsOfFilter, mergeStepSums, stepCells, type StepCell } from '../../db/step-cells';
import { aggregateStepSums, readCaseDurations, readEdgeHistograms, readStepSums, type StepSums } from '../../db/step-rows';
import type { SqlFragment } from '../../db/sql/fragment';
import type { AppContext, AppEnv } from '../app-env';
import { readsViewerGrade } from '../auth/principal';
import { effectiveJobcenters, readAnalysisFilters } from './filters';
import { mergeCellMaps, type CountedMap } from './merge-cell-maps';
import { cellMap, cellStepSums, mergedFromCells, type StepSumParts } from './step-cell-parts';

export type { StepSumParts } from './step-cell-parts';

/**
 * The step sums of a request's filtered step rows. A filter of jobcenters and periods only on the
 * exact step table (analysts and admins) is answered from per-cell sums (one jobcenter, one
 * period; read through the scope index and cached while the cell's rows are unchanged), merged: every
 * dashboard slice of a log then shares the same few hundred cells instead of rescanning its
 * rows. Other filters (process, variant, activity) and the viewer-grade table read SQL sums of
 * the filtered rows (`where`).
 */
export function filteredStepSums(
  ctx: AppContext,
  c: Context<AppEnv>,
  log: string,
  source: { table: string; where: SqlFragment },
  parts: StepSumParts,
): StepSums {
  const cells = readsViewerGrade(c.get('principal')) ? null : cellsOfRequest(ctx, c, source.table, log);
  if (cells === null) {
    return {
      steps: readStepSums(ctx.sqlite, source.table, source.where),
      caseDurations: parts.caseDurations ? readCaseDurations(ctx.sqlite, source.table, source.where) : null,
      edgeHistograms: parts.edgeHistograms ? readEdgeHistograms(ctx.sqlite, source.table, source.where) : null,
    };
  }
  return mergeStepSums(cells.map((cell) => cellStepSums(ctx, source.table, log, cell, parts)));
}

/**
 * The process map of a request's filtered step rows. From whole cells (see `filteredStepSums`)
 * it merges the cached maps of the cells, since every figure of a map adds up over disjoint
 * cases; otherwise it aggregates the SQL sums of the filtered rows.
 */
export function filteredStepMap(
  ctx: AppContext,
  c: Context<AppEnv>,
  log: string,
  source: { table: string; where: SqlFragment },
): CountedMap {
  const cells = readsViewerGrade(c.get('principal')) ? null : cellsOfRequest(ctx, c, source.table, log);
  const parts = { caseDurations: false, edgeHistograms: true };
  if (cells === null) {
    const { map, cases } = aggregateStepSums(filteredStepSums(ctx, c, log, source, parts));
    return { map, cases };
  }
  return mapOfCells(ctx, source.table, log, cells);
}

/** The process map of whole cells of a log: their cached maps merged, kept while the cells are unchanged. */
export function mapOfCells(ctx: AppContext, table: string, log: string, cells: readonly StepCell[]): CountedMap {
  return mergedFromCells(
    ctx,
    table,
    log,
    cells,
    'map',
    () => mergeCellMaps(cells.map((cell) => cellMap(ctx, table, log, cell))),
    (m) => 512 * (m.map.edges.length + m.map.nodes.length),
  );
}

/** The variants of whole cells of a log: their cached step sums merged and aggregated, kept while the cells are unchanged. */
export function variantsOfCells(
  ctx: AppContext,
  table: string,
  log: string,
  cells: readonly StepCell[],
): Pick<AggregatedSteps, 'variants' | 'cases'> {
  return mergedFromCells(
    ctx,
    table,
    log,
    cells,
    'variants',
    () => {
      const parts = { caseDurations: true, edgeHistograms: false };
      const { variants, cases } = aggregateStepSums(mergeStepSums(cells.map((cell) => cellStepSums(ctx, table, log, cell, parts))));
      return { variants, cases };
    },
    (a) => 256 * a.variants.length,
  );
}

/**
 * The variants of a request's filtered step rows (without the edge histograms they do not use).
 * From whole cells (see `filteredStepSums`) the merged variants are kept while the cells are
 * unchanged; otherwise they are aggregated from the SQL sums of the filtered rows.
 */
export function filteredVariants(
  ctx: AppContext,
  c: Context<AppEnv>,
  log: string,
  source: { table: string; where: SqlFragment },
): Pick<AggregatedSteps, 'variants' | 'cases'> {
  const cells = readsViewerGrade(c.get('principal')) ? null : cellsOfRequest(ctx, c, source.table, log);
  if (cells !== null) return variantsOfCells(ctx, source.table, log, cells);
  const { variants, cases } = aggregateStepSums(filteredStepSums(ctx, c, log, source, { caseDurations: true, edgeHistograms: false }));
  return { variants, cases };
}

/** The cells a request's filters select on the exact step table, or null when they are not whole cells. */
function cellsOfRequest(ctx: AppContext, c: Context<AppEnv>, table: string, log: string): StepCell[] | null {
  if (table !== 'steps') return null;
  const filters = readAnalysisFilters(c);
  return cellsOfFilter(logStepCells(ctx, table, log), filters, effectiveJobcenters(filters, c.get('principal')));
}

/** The (jobcenter, period) cells of a log's step table, cached until the data changes. */
export function logStepCells(ctx: AppContext, table: string, log: string): StepCell[] {
  return ctx.cache.get(
    JSON.stringify(['cells', table, log]),
    () => stepCells(ctx.sqlite, table, log),
    (cells) => 64 * cells.length,
  );
}

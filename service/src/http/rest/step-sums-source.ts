import type { Context } from 'hono';
import { cellsOfFilter, mergeStepSums, stepCells, stepCellWhere, type StepCell } from '../../db/step-cells';
import { readCaseDurations, readEdgeHistograms, readStepSums, type StepSums } from '../../db/step-rows';
import type { SqlFragment } from '../../db/sql/fragment';
import type { AppContext, AppEnv } from '../app-env';
import { readsViewerGrade } from '../auth/principal';
import type { ResultCache } from '../model/result-cache';
import { effectiveJobcenters, readAnalysisFilters } from './filters';

/** What of the step sums a route shows besides the variant steps. */
export interface StepSumParts {
  caseDurations: boolean;
  edgeHistograms: boolean;
}

const cellCaches = new WeakMap<ResultCache, ResultCache>();

/**
 * The cache of per-cell sums: its own budget (the cells of a 200,000-row step table take about
 * 80 MB), cleared with the answer cache whenever the data changes.
 */
function cellCache(ctx: AppContext): ResultCache {
  let cache = cellCaches.get(ctx.cache);
  if (!cache) {
    cache = ctx.cache.sibling({ maxBytes: 160 * 1024 * 1024, maxEntryBytes: 16 * 1024 * 1024 });
    cellCaches.set(ctx.cache, cache);
  }
  return cache;
}

const FINE_BYTES = 2 * 8 * 80;

/**
 * The step sums of a request's filtered step rows. A filter of jobcenters and periods only on the
 * exact step table (analysts and admins) is answered from per-cell sums (one jobcenter, one
 * period; read through the scope index and cached until the data changes), merged: every
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
  const cache = cellCache(ctx);
  return mergeStepSums(
    cells.map((cell) => {
      const where = stepCellWhere(log, cell);
      const key = (what: string) => JSON.stringify([what, source.table, log, cell.jobcenter, cell.period]);
      return {
        steps: cache.get(
          key('steps'),
          () => readStepSums(ctx.sqlite, source.table, where),
          (s) => 160 * s.length,
        ),
        caseDurations: parts.caseDurations
          ? cache.get(
              key('caseDurations'),
              () => readCaseDurations(ctx.sqlite, source.table, where),
              (m) => (FINE_BYTES + 64) * m.size,
            )
          : null,
        edgeHistograms: parts.edgeHistograms
          ? cache.get(
              key('edgeHistograms'),
              () => readEdgeHistograms(ctx.sqlite, source.table, where),
              (m) => (FINE_BYTES + 8 * 30 + 128) * m.size,
            )
          : null,
      };
    }),
  );
}

/** The cells a request's filters select on the exact step table, or null when they are not whole cells. */
function cellsOfRequest(ctx: AppContext, c: Context<AppEnv>, table: string, log: string): StepCell[] | null {
  if (table !== 'steps') return null;
  const filters = readAnalysisFilters(c);
  const all = ctx.cache.get(
    JSON.stringify(['cells', table, log]),
    () => stepCells(ctx.sqlite, table, log),
    (cells) => 64 * cells.length,
  );
  return cellsOfFilter(all, filters, effectiveJobcenters(filters, c.get('principal')));
}

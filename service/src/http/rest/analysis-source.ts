import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AggregatedSteps } from '@sagsflow/shared';
import { storedGroupSize } from '../../db/log-queries';
import { filteredStepMap, filteredVariants } from './step-sums-source';
import { filterConditions } from '../../db/sql/filter-conditions';
import { whereSql, type SqlFragment } from '../../db/sql/fragment';
import { viewerBuildScope } from '../../db/sql/scope';
import type { AppContext, AppEnv } from '../app-env';
import { readsViewerGrade } from '../auth/principal';
import { servedSqlName } from '../model/read-scope';
import { effectiveJobcenters, readAnalysisFilters } from './filters';

/** Columns of the step and case tables the analysis filters apply to. */
export const STEP_COLUMNS: ReadonlySet<string> = new Set(['log', 'jobcenter', 'period', 'process', 'variant_key']);
/** Columns of the activities table the analysis filters apply to. */
export const ACTIVITY_COLUMNS: ReadonlySet<string> = new Set(['log', 'jobcenter', 'period', 'process', 'activity']);

/** The minimum group size for a log: the stricter of the server's and the one stored with the log; 404 for no such log. */
export function requireLog(ctx: AppContext, name: string): number {
  const row = storedGroupSize(ctx.sqlite, name);
  if (!row) throw new HTTPException(404, { message: `no log named '${name}'` });
  return Math.max(ctx.minGroupSize, row.k ?? 1);
}

/**
 * The table a request reads for a model table and its conditions: the viewer-grade form for a
 * viewer token (only logs built with k at least the server's), with the analysis filters.
 */
export function modelSource(
  ctx: AppContext,
  c: Context<AppEnv>,
  sqlName: string,
  columns: ReadonlySet<string>,
  log: string,
): { table: string; where: SqlFragment } {
  const principal = c.get('principal');
  const filters = readAnalysisFilters(c);
  const jobcenters = effectiveJobcenters(filters, principal);
  const parts = filterConditions(filters, jobcenters, columns, log, servedSqlName(ctx, 'steps', principal));
  if (readsViewerGrade(principal)) parts.push(viewerBuildScope(ctx.minGroupSize));
  return { table: servedSqlName(ctx, sqlName, principal), where: whereSql(parts) };
}

/** The process map of the filtered step rows (without the case durations it does not show), cached until the data changes. */
export function aggregatedMap(ctx: AppContext, c: Context<AppEnv>, log: string): Pick<AggregatedSteps, 'map' | 'cases'> {
  const { table, where } = modelSource(ctx, c, 'steps', STEP_COLUMNS, log);
  return ctx.cache.get(
    JSON.stringify(['map', table, where]),
    () => filteredStepMap(ctx, c, log, { table, where }),
    (a) => 512 * (a.map.edges.length + a.map.nodes.length),
  );
}

/** The variants of the filtered step rows (without the edge histograms they do not use), cached until the data changes. */
export function aggregatedVariants(ctx: AppContext, c: Context<AppEnv>, log: string): Pick<AggregatedSteps, 'variants' | 'cases'> {
  const { table, where } = modelSource(ctx, c, 'steps', STEP_COLUMNS, log);
  return ctx.cache.get(
    JSON.stringify(['variants', table, where]),
    () => filteredVariants(ctx, c, log, { table, where }),
    (a) => 256 * a.variants.length,
  );
}

/** Records a read of one analysis resource of a log (`api/logs/<name>/<what>`) with its query. */
export function auditRead(ctx: AppContext, c: Context<AppEnv>, what: string): void {
  ctx.audit.record({
    tokenId: c.get('principal').tokenId,
    action: 'read',
    target: `api/logs/${c.req.param('name')}/${what}`,
    detail: new URL(c.req.url).search || null,
  });
}

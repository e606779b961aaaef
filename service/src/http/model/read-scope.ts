import type { AppContext } from '../app-env';
import { readsViewerGrade, servedTable, type Principal } from '../auth/principal';
import type { SqlFragment } from '../../db/sql/fragment';
import { jobcenterScope, logsOfJobcenters, viewerBuildScope } from '../../db/sql/scope';
import type { TableInfo } from './table-info';

/** The table a request reads and the conditions every read of it carries. */
export interface ReadScope {
  table: TableInfo;
  where: SqlFragment[];
}

/**
 * What a principal reads of an entity set: the viewer-grade form for viewer tokens (limited to
 * logs built with k at least the server's), limited to the token's jobcenters; `logs` shows a
 * limited token only the logs with rows in its jobcenters.
 */
export function readScope(ctx: AppContext, table: TableInfo, principal: Principal): ReadScope {
  const served = servedTable(table, principal);
  const where = jobcenterScope(served.jobcenterColumn, principal.jobcenters);
  if (served !== table) where.push(viewerBuildScope(ctx.minGroupSize));
  if (table.sqlName === 'logs' && principal.jobcenters !== null)
    where.push(logsOfJobcenters(servedSqlName(ctx, 'jobcenters', principal), principal.jobcenters));
  return { table: served, where };
}

/** The SQL name of a model table as a principal reads it (`viewer_steps` for a viewer token). */
export function servedSqlName(ctx: AppContext, sqlName: string, principal: Principal): string {
  const table = [...ctx.tables.values()].find((t) => t.sqlName === sqlName);
  return table && readsViewerGrade(principal) && table.viewerForm ? table.viewerForm.sqlName : sqlName;
}

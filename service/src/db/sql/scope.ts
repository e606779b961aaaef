import { inList, quoteIdent, type SqlFragment } from './fragment';

/**
 * The one jobcenter scope: the conditions that limit rows of a table to a token's jobcenters,
 * on the table's jobcenter `column`. None for an unlimited token (`null`) or a table without a
 * jobcenter column (`column` null); always false for an empty list.
 *
 * @example
 * const where = whereSql([...jobcenterScope('jobcenter', principal.jobcenters)]);
 */
export function jobcenterScope(column: string | null, jobcenters: readonly string[] | null): SqlFragment[] {
  if (jobcenters === null || column === null) return [];
  return [inList(column, jobcenters)];
}

/**
 * The condition that keeps viewer-grade rows of logs built with a k at least the server's
 * (a log loaded with a smaller `--min-group-size` is hidden from viewers until it is reloaded).
 */
export function viewerBuildScope(minGroupSize: number): SqlFragment {
  return { sql: '"log" IN (SELECT "log" FROM "viewer_builds" WHERE "k" >= ?)', params: [minGroupSize] };
}

/** The condition that keeps the logs (`name` column) with rows in the given jobcenters of a jobcenters table. */
export function logsOfJobcenters(jobcentersTable: string, jobcenters: readonly string[]): SqlFragment {
  const inScope = inList('jobcenter', jobcenters);
  return { sql: `"name" IN (SELECT "log" FROM ${quoteIdent(jobcentersTable)} WHERE ${inScope.sql})`, params: inScope.params };
}

import type Database from 'better-sqlite3';

/** A piece of SQL with its parameters, to splice into a raw query. */
export interface SqlFragment {
  sql: string;
  params: (string | number)[];
}

/**
 * The WHERE condition that limits rows to a token's jobcenters: always true for `null` (every
 * jobcenter), always false for an empty list, else `"jobcenter" IN (...)`.
 *
 * @example
 * const scope = jobcenterScope(token.jobcenters);
 * sqlite.prepare(`SELECT * FROM steps WHERE log = ? AND ${scope.sql}`).all(log, ...scope.params);
 */
export function jobcenterScope(jobcenters: readonly string[] | null, column = 'jobcenter'): SqlFragment {
  if (jobcenters === null) return { sql: '1', params: [] };
  if (jobcenters.length === 0) return { sql: '0', params: [] };
  return { sql: `"${column.replace(/"/g, '""')}" IN (${jobcenters.map(() => '?').join(', ')})`, params: [...jobcenters] };
}

/** The current version of a log, or null when there is no such log. */
export function currentVersion(sqlite: Database.Database, log: string): number | null {
  const v = sqlite.prepare('SELECT current_version FROM logs WHERE name = ?').pluck().get(log) as number | undefined;
  return v ?? null;
}

/** Totals of a log within a jobcenter scope: cases and events per process. */
export interface LogTotals {
  process: string;
  cases: number;
  events: number;
  jobcenters: number;
}

/** Cases, events and jobcenters per process of a log, counted only in the given jobcenters. */
export function logTotals(sqlite: Database.Database, log: string, jobcenters: readonly string[] | null): LogTotals[] {
  const scope = jobcenterScope(jobcenters);
  return sqlite
    .prepare(
      `SELECT process, sum(cases) AS cases, sum(events) AS events, count(*) AS jobcenters
       FROM jobcenters WHERE log = ? AND ${scope.sql} GROUP BY process ORDER BY process`,
    )
    .all(log, ...scope.params) as LogTotals[];
}

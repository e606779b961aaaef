import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzleOf } from './connection';
import { logs } from './schema';
import { quoteIdent, whereSql, type SqlFragment } from './sql/fragment';

/** The minimum group size stored with a log, as `{ k }`, or undefined when there is no log of that name. */
export function storedGroupSize(sqlite: Database.Database, log: string): { k: (typeof logs.$inferSelect)['minGroupSize'] } | undefined {
  return drizzleOf(sqlite).select({ k: logs.minGroupSize }).from(logs).where(eq(logs.name, log)).get();
}

/** A log's process (null when taken from a column), current version and k; undefined when there is no such log. */
export function logHead(sqlite: Database.Database, log: string): { process: string | null; version: number; k: number } | undefined {
  return drizzleOf(sqlite)
    .select({ process: logs.process, version: logs.currentVersion, k: logs.minGroupSize })
    .from(logs)
    .where(eq(logs.name, log))
    .get();
}

/** Cases and events per log of a jobcenters table (exact or viewer-grade) under the given conditions. */
export function logTotalsOf(
  sqlite: Database.Database,
  table: string,
  where: readonly SqlFragment[],
): { log: string; cases: number; events: number }[] {
  const w = whereSql(where);
  return sqlite
    .prepare(`SELECT log, sum(cases) AS cases, sum(events) AS events FROM ${quoteIdent(table)}${w.sql} GROUP BY log`)
    .all(...w.params) as { log: string; cases: number; events: number }[];
}

/** The jobcenters a log has findings for (its jobcenter-level findings). */
export function findingJobcenters(sqlite: Database.Database, log: string): string[] {
  return sqlite.prepare("SELECT DISTINCT jobcenter FROM findings WHERE log = ? AND jobcenter <> ''").pluck().all(log) as string[];
}

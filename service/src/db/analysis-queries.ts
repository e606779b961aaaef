import type Database from 'better-sqlite3';
import { count } from 'drizzle-orm';
import type { SagsflowDb } from './client';
import { cases } from './schema';
import { allOf, drizzleSql, quoteIdent, type SqlFragment } from './sql/fragment';

/** Totals of one activity over the filtered rows of an activities table (exact or viewer-grade). */
export interface ActivityTotals {
  activity: string;
  events: number;
  cases: number;
  repeats: number;
  self_loops: number;
  instances: number;
  processing: number;
  waiting: number;
}

/** The activities of the filtered rows of `table`, summed per activity, most events first. */
export function activityTotals(sqlite: Database.Database, table: string, where: SqlFragment): ActivityTotals[] {
  return sqlite
    .prepare(
      'SELECT activity, sum(events) AS events, sum(cases) AS cases, sum(repeats) AS repeats, sum(self_loops) AS self_loops,' +
        ' sum(instances) AS instances, sum(sum_processing_seconds) AS processing, sum(sum_waiting_seconds) AS waiting' +
        ` FROM ${quoteIdent(table)}${where.sql} GROUP BY activity ORDER BY sum(events) DESC, activity`,
    )
    .all(...where.params) as ActivityTotals[];
}

/** A row of the `cases` table. */
export type CaseRow = typeof cases.$inferSelect;

/** The number of cases matching the conditions `where` (AND-ed). */
export function countCases(db: SagsflowDb, where: readonly SqlFragment[]): number {
  return (
    db
      .select({ n: count() })
      .from(cases)
      .where(drizzleSql(allOf(where)))
      .get()?.n ?? 0
  );
}

/** One page of the cases matching the conditions `where` (AND-ed), by start then id. */
export function casePage(db: SagsflowDb, where: readonly SqlFragment[], limit: number, offset: number): CaseRow[] {
  return db
    .select()
    .from(cases)
    .where(drizzleSql(allOf(where)))
    .orderBy(cases.start, cases.id)
    .limit(limit)
    .offset(offset)
    .all();
}

import type Database from 'better-sqlite3';
import { and, count, eq, getTableColumns, sql } from 'drizzle-orm';
import type { SagsflowDb } from './client';
import { conformanceCases, conformanceModels, logs, type ConformanceCaseRow, type ConformanceModelRow } from './schema';
import { allOf, drizzleSql, quoteIdent, type SqlFragment } from './sql/fragment';

/** Alignment and token-replay sums of filtered rows of a conformance variants table (exact or viewer-grade). */
export interface ConformanceSums {
  cases: number;
  aligned: number;
  fitness: number;
  fitting: number;
  cost: number;
  maxCost: number;
  produced: number;
  consumed: number;
  missing: number;
  remaining: number;
  tokenFitting: number;
}

/** Log and model moves of one activity summed over filtered rows of a conformance activities table. */
export interface ConformanceActivityMoves {
  activity: string;
  logMoves: number;
  modelMoves: number;
  logMoveCases: number;
  modelMoveCases: number;
}

const SUMS_SQL =
  'sum(cases) AS cases, sum(aligned_cases) AS aligned, sum(sum_fitness) AS fitness, sum(fitting_cases) AS fitting,' +
  ' sum(sum_cost) AS cost, sum(sum_max_cost) AS maxCost, sum(sum_produced) AS produced, sum(sum_consumed) AS consumed,' +
  ' sum(sum_missing) AS missing, sum(sum_remaining) AS remaining, sum(token_fitting_cases) AS tokenFitting';

/** The BPMN model attached to a log's current version, or undefined. */
export function currentConformanceModel(db: SagsflowDb, log: string): ConformanceModelRow | undefined {
  return db
    .select(getTableColumns(conformanceModels))
    .from(conformanceModels)
    .innerJoin(logs, and(eq(logs.name, conformanceModels.log), eq(logs.currentVersion, conformanceModels.version)))
    .where(eq(conformanceModels.log, log))
    .get();
}

/** The sums over all filtered rows of `table` (`conformance_variants` or its viewer-grade form); null sums when no row matches. */
export function conformanceTotals(sqlite: Database.Database, table: string, where: SqlFragment): ConformanceSums {
  return sqlite.prepare(`SELECT ${SUMS_SQL} FROM ${quoteIdent(table)}${where.sql}`).get(...where.params) as ConformanceSums;
}

/** The sums of the filtered rows of `table` per jobcenter, by jobcenter. */
export function conformanceTotalsPerJobcenter(
  sqlite: Database.Database,
  table: string,
  where: SqlFragment,
): (ConformanceSums & { jobcenter: string })[] {
  return sqlite
    .prepare(`SELECT jobcenter, ${SUMS_SQL} FROM ${quoteIdent(table)}${where.sql} GROUP BY jobcenter ORDER BY jobcenter`)
    .all(...where.params) as (ConformanceSums & { jobcenter: string })[];
}

/** The moves per activity of the filtered rows of `table` (`conformance_activities` or its viewer-grade form), most moves first. */
export function conformanceActivityMoves(sqlite: Database.Database, table: string, where: SqlFragment): ConformanceActivityMoves[] {
  return sqlite
    .prepare(
      'SELECT activity, sum(log_moves) AS logMoves, sum(model_moves) AS modelMoves, sum(log_move_cases) AS logMoveCases,' +
        ` sum(model_move_cases) AS modelMoveCases FROM ${quoteIdent(table)}${where.sql}` +
        ' GROUP BY activity ORDER BY sum(log_moves) + sum(model_moves) DESC, activity',
    )
    .all(...where.params) as ConformanceActivityMoves[];
}

/** The number of case-level conformance rows matching the conditions (AND-ed). */
export function countConformanceCases(db: SagsflowDb, where: readonly SqlFragment[]): number {
  return (
    db
      .select({ n: count() })
      .from(conformanceCases)
      .where(drizzleSql(allOf(where)))
      .get()?.n ?? 0
  );
}

/** One page of the case-level conformance rows matching the conditions, worst fitness first (over budget before all). */
export function conformanceCasePage(db: SagsflowDb, where: readonly SqlFragment[], limit: number, offset: number): ConformanceCaseRow[] {
  return db
    .select()
    .from(conformanceCases)
    .where(drizzleSql(allOf(where)))
    .orderBy(sql`${conformanceCases.fitness} IS NULL DESC`, conformanceCases.fitness, conformanceCases.id)
    .limit(limit)
    .offset(offset)
    .all();
}

import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import { drizzleOf } from './connection';
import {
  conformanceActivities,
  conformanceCases,
  conformanceModels,
  conformanceVariants,
  viewerConformanceActivities,
  viewerConformanceVariants,
  type ConformanceCaseRow,
  type ConformanceVariantRow,
} from './schema';
import { tableInserter, type TableInserter, type VersionTarget } from './table-inserter';

/**
 * The rows precompute writes into the conformance tables of one (log, version), and the rows
 * it reads back from them to build their viewer-grade form. The routes' reads are in
 * `conformance-queries.ts`.
 */

/** The tables a version's conformance is written into (the viewer-grade ones are built from them). */
export const CONFORMANCE_TABLES = ['conformance_models', 'conformance_variants', 'conformance_activities', 'conformance_cases'] as const;

/** Stores the model a version was checked against (its file name, size and the labels it does not share with the log). */
export function insertConformanceModel(sqlite: Database.Database, row: Omit<typeof conformanceModels.$inferInsert, 'id'>): void {
  drizzleOf(sqlite).insert(conformanceModels).values(row).run();
}

/**
 * An inserter of per-case results: (process, jobcenter, period, case id, variant key, fitness,
 * cost, log moves, model moves, token fitness, deviations JSON).
 */
export function conformanceCasesInserter(sqlite: Database.Database, target: VersionTarget) {
  return tableInserter(
    sqlite,
    conformanceCases,
    ['process', 'jobcenter', 'period', 'caseId', 'variantKey', 'fitness', 'cost', 'logMoves', 'modelMoves', 'tokenFitness', 'deviations'],
    target,
  );
}

/** The summed columns of a conformance variants row after `cases`, in table order. */
export const CONFORMANCE_SUM_KEYS = [
  'alignedCases',
  'sumFitness',
  'fittingCases',
  'sumCost',
  'sumMaxCost',
  'sumProduced',
  'sumConsumed',
  'sumMissing',
  'sumRemaining',
  'tokenFittingCases',
] as const;

/** One of the summed columns of a conformance variants row. */
export type ConformanceSumKey = (typeof CONFORMANCE_SUM_KEYS)[number];

/** The grain of a conformance row (its cell). */
export interface CellValues {
  process: string;
  jobcenter: string;
  period: string;
}

/** Writes conformance variants rows: a cell, a variant, its cases and its sums in `CONFORMANCE_SUM_KEYS` order. */
export interface ConformanceVariantsInserter {
  add(cell: CellValues, variantKey: string, cases: number, sums: readonly number[]): void;
  flush(): void;
  readonly written: number;
}

/** An inserter into `conformance_variants` (`grade` 'exact') or `viewer_conformance_variants` ('viewer'). */
export function conformanceVariantsInserter(
  sqlite: Database.Database,
  grade: 'exact' | 'viewer',
  target: VersionTarget,
): ConformanceVariantsInserter {
  const table = grade === 'exact' ? conformanceVariants : viewerConformanceVariants;
  const out: TableInserter<(string | number)[]> = tableInserter(
    sqlite,
    table,
    ['process', 'jobcenter', 'period', 'variantKey', 'cases', ...CONFORMANCE_SUM_KEYS],
    target,
  );
  return {
    add: (cell, variantKey, cases, sums) => out.add([cell.process, cell.jobcenter, cell.period, variantKey, cases, ...sums]),
    flush: () => out.flush(),
    get written() {
      return out.written;
    },
  };
}

/**
 * An inserter into `conformance_activities` (`grade` 'exact') or `viewer_conformance_activities`
 * ('viewer'): (process, jobcenter, period, activity, log moves, model moves, log move cases, model move cases).
 */
export function conformanceActivitiesInserter(sqlite: Database.Database, grade: 'exact' | 'viewer', target: VersionTarget) {
  const table = grade === 'exact' ? conformanceActivities : viewerConformanceActivities;
  return tableInserter(
    sqlite,
    table,
    ['process', 'jobcenter', 'period', 'activity', 'logMoves', 'modelMoves', 'logMoveCases', 'modelMoveCases'],
    target,
  );
}

/** A version's conformance variants rows. */
export function conformanceVariantRows(sqlite: Database.Database, target: VersionTarget): ConformanceVariantRow[] {
  return drizzleOf(sqlite)
    .select()
    .from(conformanceVariants)
    .where(and(eq(conformanceVariants.log, target.log), eq(conformanceVariants.version, target.version)))
    .all();
}

/** A checked case as the viewer-grade builder reads it: its cell, variant and deviations (JSON). */
export type CheckedCase = Pick<ConformanceCaseRow, 'caseId' | 'process' | 'jobcenter' | 'period' | 'variantKey' | 'deviations'>;

/** A version's checked cases, streamed (raw SQL: the table holds a row per case). */
export function checkedCases(sqlite: Database.Database, target: VersionTarget): Iterable<CheckedCase> {
  return sqlite
    .prepare(
      'SELECT case_id AS caseId, process, jobcenter, period, variant_key AS variantKey, deviations FROM conformance_cases WHERE log = ? AND version = ?',
    )
    .iterate(target.log, target.version) as Iterable<CheckedCase>;
}

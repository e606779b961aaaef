import type Database from 'better-sqlite3';
import type { StepDbRow } from './schema';
import { quoteIdent } from './sql/fragment';
import type { VersionTarget } from './table-inserter';

/**
 * The insight columns of the step tables (`steps`, `viewer_steps`) as the compliance and
 * conformance precomputes write them: one kind of columns at a time, reset for a whole version,
 * then set row by row.
 */

/** Which insight columns a writer owns: the rule columns (compliance) or the deviation columns (conformance). */
export type InsightKind = 'rules' | 'deviations';

/** A step table with insight columns: the exact one or its viewer-grade form. */
export type StepTable = 'steps' | 'viewer_steps';

/**
 * The values of one kind's columns, in order: for 'rules' the violation cases and the violated
 * rules (JSON); for 'deviations' the log move cases, the model move cases and the skipped activities (JSON).
 */
export type InsightValues = readonly (string | number | null)[];

const SET: Record<InsightKind, string> = {
  rules: 'violation_cases = ?, violated_rules = ?',
  deviations: 'log_move_cases = ?, model_move_cases = ?, skipped_activities = ?',
};

const NONE: Record<InsightKind, InsightValues> = { rules: [0, null], deviations: [0, 0, null] };

/** Resets one kind's insight columns of a version's rows of `table` (no cases, no names). */
export function resetStepInsight(sqlite: Database.Database, table: StepTable, kind: InsightKind, target: VersionTarget): void {
  sqlite
    .prepare(`UPDATE ${quoteIdent(table)} SET ${SET[kind]} WHERE log = ? AND version = ?`)
    .run(...NONE[kind], target.log, target.version);
}

/** Sets one kind's insight columns of step rows by id. */
export function setStepInsight(
  sqlite: Database.Database,
  table: StepTable,
  kind: InsightKind,
  rows: readonly { id: number; values: InsightValues }[],
): void {
  const update = sqlite.prepare(`UPDATE ${quoteIdent(table)} SET ${SET[kind]} WHERE id = ?`);
  for (const row of rows) update.run(...row.values, row.id);
}

/** A step row as the insight writer finds it: its id, cell, variant, step and cases. */
export type StepKey = Pick<StepDbRow, 'id' | 'process' | 'jobcenter' | 'period' | 'variantKey' | 'stepIndex' | 'cases'>;

/** A version's rows of `table` as step keys, streamed (collect before updating the table). */
export function stepKeys(sqlite: Database.Database, table: StepTable, target: VersionTarget): Iterable<StepKey> {
  return sqlite
    .prepare(
      `SELECT id, process, jobcenter, period, variant_key AS variantKey, step_index AS stepIndex, cases FROM ${quoteIdent(table)} WHERE log = ? AND version = ?`,
    )
    .iterate(target.log, target.version) as Iterable<StepKey>;
}

/** The (process, jobcenter, period, variant key) of each variant a version's viewer-grade step table shows as itself or as "other variants". */
export function viewerStepVariants(sqlite: Database.Database, target: VersionTarget): [string, string, string, string][] {
  return sqlite
    .prepare('SELECT DISTINCT process, jobcenter, period, variant_key FROM viewer_steps WHERE log = ? AND version = ?')
    .raw()
    .all(target.log, target.version) as [string, string, string, string][];
}

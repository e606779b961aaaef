import type Database from 'better-sqlite3';
import { quoteIdent } from './sql/fragment';

/** The summary tables a rebuild replaces (besides findings, which keep their history). */
export const SUMMARY_TABLES = {
  compliance: ['rule_catalogues', 'rules', 'compliance', 'case_compliance'],
  conformance: ['conformance_models', 'conformance_variants', 'conformance_activities', 'conformance_cases'],
} as const;

/** One of the summary tables a rebuild replaces. */
export type SummaryTable = (typeof SUMMARY_TABLES)[keyof typeof SUMMARY_TABLES][number];

/** Deletes the rows of a log version from each of `tables`. */
export function deleteVersionRows(sqlite: Database.Database, tables: readonly SummaryTable[], log: string, version: number): void {
  for (const table of tables) sqlite.prepare(`DELETE FROM ${quoteIdent(table)} WHERE log = ? AND version = ?`).run(log, version);
}

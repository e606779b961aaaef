import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzleOf } from './connection';
import { logs } from './schema';
import { quoteIdent } from './sql/fragment';

/** The summary tables a rebuild replaces (besides findings, which keep their history). */
export const SUMMARY_TABLES = {
  compliance: ['rule_catalogues', 'rules', 'compliance', 'case_compliance'],
  conformance: ['conformance_models', 'conformance_variants', 'conformance_activities', 'conformance_cases'],
} as const;

/** One of the summary tables a rebuild replaces. */
export type SummaryTable = (typeof SUMMARY_TABLES)[keyof typeof SUMMARY_TABLES][number];

/** What a rebuild of a log's summaries starts from: its process, current version and k; undefined when there is no such log. */
export function rebuildTarget(sqlite: Database.Database, log: string): { process: string | null; version: number; k: number } | undefined {
  return drizzleOf(sqlite)
    .select({ process: logs.process, version: logs.currentVersion, k: logs.minGroupSize })
    .from(logs)
    .where(eq(logs.name, log))
    .get();
}

/** Deletes the rows of a log version from each of `tables`. */
export function deleteVersionRows(sqlite: Database.Database, tables: readonly SummaryTable[], log: string, version: number): void {
  for (const table of tables) sqlite.prepare(`DELETE FROM ${quoteIdent(table)} WHERE log = ? AND version = ?`).run(log, version);
}

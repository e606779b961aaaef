import type Database from 'better-sqlite3';
import { deleteVersionRows, hasVersionRows } from '../../db/version-rows';
import { readViewerAnalysisInput } from './analysis-input';
import { VIEWER_ANALYSIS_BUILDERS } from './analysis-registry';

/** The tables `buildViewerAnalyses` writes. */
export const VIEWER_ANALYSIS_TABLES: readonly string[] = VIEWER_ANALYSIS_BUILDERS.flatMap((b) => b.tables);

/** True when the version has rule compliance or conformance rows (else there is nothing to build and no case to read). */
function hasAnalyses(sqlite: Database.Database, target: { log: string; version: number }): boolean {
  return hasVersionRows(sqlite, 'compliance', target) || hasVersionRows(sqlite, 'conformance_variants', target);
}

/**
 * Builds the viewer-grade forms of the analysis tables (rule compliance, conformance) of one
 * (log, version) in the caller's transaction, after its model, viewer-grade model and analyses
 * are written: replaces that version's rows of every `VIEWER_ANALYSIS_BUILDERS` table. Returns
 * false when there was nothing to build: the version has no analyses (then no case is read) or
 * no viewer-grade model.
 */
export function buildViewerAnalyses(sqlite: Database.Database, target: { log: string; version: number }): boolean {
  deleteVersionRows(sqlite, VIEWER_ANALYSIS_TABLES, target);
  if (!hasAnalyses(sqlite, target)) return false;
  const input = readViewerAnalysisInput(sqlite, target.log, target.version);
  if (!input) return false;
  for (const builder of VIEWER_ANALYSIS_BUILDERS) builder.build(input);
  return true;
}

import type Database from 'better-sqlite3';
import type { ViewerBuildRow } from './tables/viewer';

/**
 * Records on the load that created `(log, version)` the end activities precompute used (a JSON
 * array per process, with their sources joined by commas, null when there are none).
 */
export function setLoadEndActivities(sqlite: Database.Database, log: string, version: number, used: string, sources: string | null): void {
  sqlite
    .prepare('UPDATE loads SET end_activities = ?, end_activities_source = ? WHERE log = ? AND version = ?')
    .run(used, sources, log, version);
}

/** Stores the viewer-grade build of a log's version (one row per log: a new version replaces the old one's). */
export function upsertViewerBuild(sqlite: Database.Database, row: ViewerBuildRow): void {
  sqlite
    .prepare(
      `INSERT INTO viewer_builds (log, version, k, cases, merged_cell_cases, other_variant_cases, suppressed_cases) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(log) DO UPDATE SET version = excluded.version, k = excluded.k, cases = excluded.cases,
       merged_cell_cases = excluded.merged_cell_cases, other_variant_cases = excluded.other_variant_cases, suppressed_cases = excluded.suppressed_cases`,
    )
    .run(row.log, row.version, row.k, row.cases, row.mergedCellCases, row.otherVariantCases, row.suppressedCases);
}

/** The stored viewer-grade build of a log's version, or undefined when there is none. */
export function viewerBuildOf(sqlite: Database.Database, log: string, version: number): ViewerBuildRow | undefined {
  return sqlite
    .prepare(
      'SELECT log, version, k, cases, merged_cell_cases AS mergedCellCases, other_variant_cases AS otherVariantCases,' +
        ' suppressed_cases AS suppressedCases FROM viewer_builds WHERE log = ? AND version = ?',
    )
    .get(log, version) as ViewerBuildRow | undefined;
}

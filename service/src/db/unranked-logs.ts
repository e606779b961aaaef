import type Database from 'better-sqlite3';

/**
 * The logs whose current version has step rows without a variant number (`variant_rank` 0), in
 * the exact or the viewer-grade step table: model tables written before migration 0008, or a
 * viewer-grade model written before migration 0012. By name.
 */
export function logsWithUnrankedSteps(sqlite: Database.Database): string[] {
  return sqlite
    .prepare(
      `SELECT s.log FROM steps s JOIN logs l ON l.name = s.log AND l.current_version = s.version WHERE s.variant_rank = 0
       UNION SELECT s.log FROM viewer_steps s JOIN logs l ON l.name = s.log AND l.current_version = s.version WHERE s.variant_rank = 0
       ORDER BY 1`,
    )
    .pluck()
    .all() as string[];
}

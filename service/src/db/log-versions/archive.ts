import type Database from 'better-sqlite3';
import { deleteVersionRows } from '../version-rows';
import { recipeOf, recordVersion } from './recipe';

/** How many versions of a log are kept (the current one included) unless a load says otherwise. */
export const DEFAULT_KEEP_VERSIONS = 5;

const EVENT_FIELDS = 'case_id, activity, timestamp, end_timestamp, resource, lifecycle, jobcenter, attributes';
const CASE_FIELDS = 'case_id, process, jobcenter, attributes';
const ARCHIVE_TABLES = ['version_events', 'version_cases'];

/**
 * The number the next load of `log` gets: one past every version it has had (after a rollback
 * the current version is not the highest).
 */
export function nextVersion(sqlite: Database.Database, log: string): number {
  const top = sqlite
    .prepare(
      `SELECT max(v) FROM (SELECT current_version AS v FROM logs WHERE name = ? UNION ALL SELECT max(version) FROM loads WHERE log = ?
       UNION ALL SELECT max(version) FROM log_versions WHERE log = ?)`,
    )
    .pluck()
    .get(log, log, log) as number | null;
  return (top ?? 0) + 1;
}

/**
 * Keeps the events and case attributes of the current version `version` of `log` in
 * `version_events`/`version_cases` before a load or rollback replaces it (inside the caller's
 * transaction). A version loaded before migration 0015 gets its recipe recorded from what the
 * database knows.
 */
export function archiveVersion(sqlite: Database.Database, log: string, version: number): void {
  const known = sqlite.prepare('SELECT 1 FROM log_versions WHERE log = ? AND version = ?').get(log, version);
  if (!known) recordVersion(sqlite, log, version, recipeOf(sqlite, log, version), null);
  sqlite
    .prepare(
      `INSERT INTO version_events (log, version, ${EVENT_FIELDS}) SELECT log, version, ${EVENT_FIELDS} FROM events WHERE log = ? AND version = ? ORDER BY id`,
    )
    .run(log, version);
  sqlite
    .prepare(
      `INSERT INTO version_cases (log, version, ${CASE_FIELDS}) SELECT log, version, ${CASE_FIELDS} FROM cases WHERE log = ? AND version = ?`,
    )
    .run(log, version);
}

/**
 * Moves the kept events of an earlier version back into `events` (in their order) and returns
 * its case rows (process, jobcenter, attributes by case id); the archived rows are deleted.
 */
export function restoreArchivedVersion(
  sqlite: Database.Database,
  log: string,
  version: number,
): Map<string, { process: string; jobcenter: string; attributes: string | null }> {
  sqlite
    .prepare(
      `INSERT INTO events (log, version, ${EVENT_FIELDS}) SELECT log, version, ${EVENT_FIELDS} FROM version_events WHERE log = ? AND version = ? ORDER BY id`,
    )
    .run(log, version);
  const cases = new Map<string, { process: string; jobcenter: string; attributes: string | null }>();
  const rows = sqlite
    .prepare(`SELECT ${CASE_FIELDS} FROM version_cases WHERE log = ? AND version = ?`)
    .raw()
    .iterate(log, version) as Iterable<[string, string, string, string | null]>;
  for (const [caseId, process, jobcenter, attributes] of rows) cases.set(caseId, { process, jobcenter, attributes });
  deleteVersionRows(sqlite, ARCHIVE_TABLES, { log, version });
  return cases;
}

/** Whether the events of `version` are kept in the archive (it can be made current again). */
export function isArchived(sqlite: Database.Database, log: string, version: number): boolean {
  return sqlite.prepare('SELECT 1 FROM log_versions WHERE log = ? AND version = ? AND kept = 1').get(log, version) !== undefined;
}

/**
 * Deletes the kept events of the versions of `log` that were current longest ago so that at
 * most `keep` versions (the current one included) remain restorable; the pruned versions stay listed as not kept.
 * Returns the pruned version numbers (inside the caller's transaction).
 */
export function pruneVersions(sqlite: Database.Database, log: string, current: number, keep: number): number[] {
  // The versions current most recently are kept: those archived last (highest archive row ids).
  const kept = sqlite
    .prepare(
      `SELECT v.version FROM log_versions v WHERE v.log = ? AND v.kept = 1 AND v.version <> ?
       ORDER BY (SELECT max(e.id) FROM version_events e WHERE e.log = v.log AND e.version = v.version) DESC, v.version DESC`,
    )
    .pluck()
    .all(log, current) as number[];
  const pruned = kept.slice(Math.max(0, keep - 1)).sort((a, b) => a - b);
  for (const v of pruned) {
    deleteVersionRows(sqlite, ARCHIVE_TABLES, { log, version: v });
    sqlite.prepare('UPDATE log_versions SET kept = 0 WHERE log = ? AND version = ?').run(log, v);
  }
  return pruned;
}

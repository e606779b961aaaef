import type Database from 'better-sqlite3';

/** Tables that hold rows of one version of a log (served: current version only). */
export const VERSIONED_TABLES = [
  'events',
  'quarantine',
  'steps',
  'cases',
  'variants',
  'activities',
  'edges',
  'jobcenters',
  'periods',
  'conformance_models',
  'conformance_variants',
  'conformance_activities',
  'conformance_cases',
  'finding_cases',
  'rule_catalogues',
  'rules',
  'compliance',
  'case_compliance',
  'viewer_steps',
  'viewer_variants',
  'viewer_activities',
  'viewer_edges',
  'viewer_jobcenters',
  'viewer_periods',
  'viewer_compliance',
  'viewer_conformance_variants',
  'viewer_conformance_activities',
  'teams',
  'attached_models',
] as const;
/**
 * Versioned tables whose previous version is read by the next load before it is deleted
 * (findings: new / still open / resolved), so only `deleteLog` clears them.
 */
export const HISTORY_TABLES = ['findings'] as const;

/**
 * Deletes the rows of every version of `log` other than `keepVersion` from the versioned
 * tables (all versions when `keepVersion` is absent). Runs inside the caller's transaction;
 * `loads` rows stay as history.
 */
export function deleteLogVersion(sqlite: Database.Database, log: string, options: { keepVersion?: number } = {}): number {
  let deleted = 0;
  for (const table of VERSIONED_TABLES) {
    const info =
      options.keepVersion === undefined
        ? sqlite.prepare(`DELETE FROM "${table}" WHERE log = ?`).run(log)
        : sqlite.prepare(`DELETE FROM "${table}" WHERE log = ? AND version < ?`).run(log, options.keepVersion);
    deleted += info.changes;
    // Two ranges rather than `version <> ?`: the (log, version) indexes then skip the kept version's rows.
    if (options.keepVersion !== undefined)
      deleted += sqlite.prepare(`DELETE FROM "${table}" WHERE log = ? AND version > ?`).run(log, options.keepVersion).changes;
  }
  return deleted;
}

/**
 * Deletes a log entirely: its rows in every table, its load history and its `logs` row, in one
 * transaction. Returns false when there is no such log.
 */
export function deleteLog(sqlite: Database.Database, log: string): boolean {
  return sqlite.transaction(() => {
    deleteLogVersion(sqlite, log);
    for (const table of HISTORY_TABLES) sqlite.prepare(`DELETE FROM "${table}" WHERE log = ?`).run(log);
    sqlite.prepare('DELETE FROM loads WHERE log = ?').run(log);
    sqlite.prepare('DELETE FROM viewer_builds WHERE log = ?').run(log);
    for (const table of ['version_events', 'version_cases', 'log_versions'])
      sqlite.prepare(`DELETE FROM "${table}" WHERE log = ?`).run(log);
    return sqlite.prepare('DELETE FROM logs WHERE name = ?').run(log).changes > 0;
  })();
}

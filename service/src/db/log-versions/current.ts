import type Database from 'better-sqlite3';

/** Whether a load stored version `version` of `log`. */
export function isStoredVersion(sqlite: Database.Database, log: string, version: number): boolean {
  return sqlite.prepare("SELECT 1 FROM loads WHERE log = ? AND version = ? AND status = 'stored'").get(log, version) !== undefined;
}

/** Names `version` as the current version of `log` (with its process), as of `at` (epoch ms). */
export function setCurrentVersion(sqlite: Database.Database, log: string, version: number, process: string | null, at: number): void {
  sqlite.prepare('UPDATE logs SET current_version = ?, process = ?, updated_at = ? WHERE name = ?').run(version, process, at, log);
}

import type Database from 'better-sqlite3';

/** Sets how long a statement on this connection waits for a lock another connection holds (ms). */
export function setBusyTimeout(sqlite: Database.Database, ms: number): void {
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
}

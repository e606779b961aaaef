import type Database from 'better-sqlite3';

/**
 * Runs `write` with the connection's busy timeout at 0, so a write that meets the ingest's lock
 * fails at once (SQLITE_BUSY) instead of waiting; the previous timeout is restored after.
 */
export function withoutBusyWait<T>(sqlite: Database.Database, write: () => T): T {
  const previous = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    return write();
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
}

/** SQLite's `data_version`: moves whenever another connection commits (cache invalidation). */
export function dataVersion(sqlite: Database.Database): number {
  return sqlite.pragma('data_version', { simple: true }) as number;
}

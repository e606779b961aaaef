import type Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

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

/** True for SQLite's busy and locked errors: another connection (a load) holds the lock. */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** SQLite's `data_version`: moves whenever another connection commits (cache invalidation). */
export function dataVersion(sqlite: Database.Database): number {
  return sqlite.pragma('data_version', { simple: true }) as number;
}

const handles = new WeakMap<Database.Database, BetterSQLite3Database<typeof schema>>();

/**
 * The drizzle handle (typed by the schema) over a raw connection, made once per connection: for
 * query functions that get the better-sqlite3 connection rather than the store.
 */
export function drizzleOf(sqlite: Database.Database): BetterSQLite3Database<typeof schema> {
  let db = handles.get(sqlite);
  if (!db) {
    db = drizzle(sqlite, { schema });
    handles.set(sqlite, db);
  }
  return db;
}

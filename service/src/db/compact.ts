import type Database from 'better-sqlite3';

/** Makes SQLite overwrite deleted content with zeros on this connection (erasure and retention). */
export function enableSecureDelete(sqlite: Database.Database): void {
  sqlite.pragma('secure_delete = ON');
}

/**
 * Checkpoints the WAL, rewrites the database without free pages and empties the WAL, so that no
 * byte of deleted rows is left in the file or its WAL (no-op for an in-memory store).
 */
export function compact(sqlite: Database.Database, path: string): void {
  if (path === ':memory:') return;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('VACUUM');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { applyMigrations } from './migrate';

let image: Buffer | null = null;

/**
 * Page size of a new database, in bytes (SQLite's default is 4096). A load of 1,000,000 events
 * writes about 330 MB twice (into the write-ahead log, then the checkpoint at COMMIT copies it
 * into the database): with 16 KiB pages that is a quarter of the frames and system calls, and
 * the COMMIT of the ingest benchmark took about half the time (0.65 s instead of 1.3 s). An
 * existing database keeps its page size (WAL mode cannot change it).
 */
export const NEW_DATABASE_PAGE_SIZE = 16_384;

/**
 * The bytes of an empty database with every migration applied (and drizzle's journal of them),
 * built once per process by drizzle's migrator on an in-memory database with the pragmas of
 * `openDatabase` and pages of `NEW_DATABASE_PAGE_SIZE`. A new database starts from a copy: the hundreds of `ALTER TABLE ... ADD`
 * statements of the migrations each reload the whole schema, about 0.3 s per database.
 */
export function migratedImage(): Buffer {
  if (image !== null) return image;
  const sqlite = new Database(':memory:');
  try {
    sqlite.pragma(`page_size = ${NEW_DATABASE_PAGE_SIZE}`);
    sqlite.pragma('foreign_keys = ON');
    applyMigrations(drizzle(sqlite));
    image = sqlite.serialize();
  } finally {
    sqlite.close();
  }
  return image;
}

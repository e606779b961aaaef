import Database from 'better-sqlite3';
import { closeSync, existsSync, linkSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { removeDeadBuilds } from './dead-builds';
import { applyMigrations } from './migrate';
import { migratedImage } from './migrated-image';
import * as schema from './schema';

/** The typed drizzle handle over the Sagsflow schema. */
export type SagsflowDb = BetterSQLite3Database<typeof schema>;

/** An open store: the raw better-sqlite3 connection, the drizzle handle and the file path. */
export interface SagsflowDatabase {
  sqlite: Database.Database;
  db: SagsflowDb;
  /** The path given to `openDatabase` (`':memory:'` for an in-memory store). */
  path: string;
  /** Closes the connection (after a WAL checkpoint for file databases). */
  close(): void;
}

/** Options of `openDatabase`; defaults in `DEFAULT_OPEN_OPTIONS`. */
export interface OpenDatabaseOptions {
  /** Milliseconds a statement waits for a lock held by another connection. */
  busyTimeoutMs?: number;
  /** Open read-only (no migrations are applied). */
  readonly?: boolean;
}

export const DEFAULT_OPEN_OPTIONS: Required<OpenDatabaseOptions> = {
  busyTimeoutMs: 15_000,
  readonly: false,
};

/**
 * Opens (creating if needed) the store at `path`, or an in-memory one for `':memory:'`, with
 * WAL journaling, `synchronous=NORMAL`, foreign keys on and a busy timeout, and applies the
 * migrations. Open one handle per concurrent writer: a load holds a write transaction on its
 * connection for its whole duration.
 *
 * @example
 * const store = openDatabase('./sagsflow.sqlite');
 * const logs = store.db.select().from(schema.logs).all();
 * store.close();
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): SagsflowDatabase {
  const opts = { ...DEFAULT_OPEN_OPTIONS, ...options };
  let sqlite: Database.Database | null = null;
  try {
    // A new database file is created owner-only (0600): it holds pseudonyms and, in the
    // quarantine, scrubbed raw records. SQLite gives its -wal and -shm files the same mode.
    // It (and a new in-memory database) starts as a copy of the migrated image.
    if (!opts.readonly && path !== ':memory:' && !path.startsWith('file:')) {
      // What a load into a new database left at this path when its process died (see openForLoad).
      removeDeadBuilds(path);
      if (!existsSync(path) && existsSync(dirname(path))) createFromImage(path);
    }
    sqlite = !opts.readonly && path === ':memory:' ? new Database(migratedImage()) : new Database(path, { readonly: opts.readonly });
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs))}`);
    if (!opts.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
    }
    sqlite.pragma('foreign_keys = ON');
  } catch (cause) {
    if (sqlite?.open) sqlite.close();
    throw openError(path, cause);
  }
  const db = drizzle(sqlite, { schema });
  if (!opts.readonly) applyMigrations(db);
  return {
    sqlite,
    db,
    path,
    close() {
      if (!sqlite.open) return;
      if (!opts.readonly && path !== ':memory:') sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
    },
  };
}

/**
 * Creates the database file `path` (owner-only) as a copy of the migrated image: written under a
 * temporary name and linked into place, so a concurrent opener sees no file or a whole one, and
 * a file created meanwhile by another process is left as it is.
 */
function createFromImage(path: string): void {
  const temporary = `${path}.${process.pid}.new`;
  writeImageFile(temporary);
  try {
    linkSync(temporary, path);
  } catch (err) {
    // No hard links on this file system: an empty file, which the migrations then fill.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') closeSync(openSync(path, 'a', 0o600));
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Writes the migrated image to the new file `path` (owner-only, 0600); fails if `path` exists. */
export function writeImageFile(path: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, migratedImage());
  } finally {
    closeSync(fd);
  }
}

/** `database PATH: cannot open it: REASON`, one line, for a path that is no SQLite database. */
export function openError(path: string, cause: unknown): Error {
  const reason = (cause instanceof Error ? cause.message : String(cause))
    .split('\n')[0]!
    .replace(/^Cannot open database because /, '')
    .replace(/^./, (c) => c.toLowerCase());
  return new Error(`database ${path}: cannot open it: ${reason}`, { cause });
}

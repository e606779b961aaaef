import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { openDatabase, openError, writeImageFile, type SagsflowDatabase } from './client';
import { BUILD_SIDECARS, buildName, removeDeadBuilds } from './dead-builds';
import { endFlushAhead, startFlushAhead } from './flush-ahead';
import { applyMigrations } from './migrate';
import * as schema from './schema';

/**
 * Opens the database a load writes to. An existing database (and `':memory:'`) is opened by
 * `openDatabase` as always (WAL, so readers see the previous version until the load commits).
 *
 * When no file is at `path`, the database is built under a temporary name beside it instead
 * (`<path>.building-<host>-<pid>-<random>`, owner-only, a copy of the migrated image) with a
 * rollback journal: the load's new pages are written to the file once, where through WAL they
 * are written twice (into the log, then checkpointed into the file; ~0.5 s of a 1,000,000-event
 * load). `close()` switches the file to WAL, syncs it and links it into place: a concurrent
 * opener sees no file or a whole one, a crash or kill -9 leaves no database at `path` (the next
 * `openForLoad` beside it removes the dead build's files), and a file that another process
 * created at `path` meanwhile is left as it is: `close()` then throws, naming it. `store.path`
 * is `path` (the key file and messages refer to it); `store.sqlite` is the temporary file.
 * What the load has written may be flushed to the disk ahead of that sync (`flushAhead`): the file
 * is synced through a descriptor opened before the load writes, so a page a flush ahead failed to
 * write fails the final sync too (and a failed flush ahead stops the link in any case).
 *
 * @example
 * const store = openForLoad('./sagsflow.sqlite');
 * try { await ingestFiles(store, options); } finally { store.close(); }
 */
export function openForLoad(path: string): SagsflowDatabase {
  if (path === ':memory:' || path.startsWith('file:')) return openDatabase(path);
  if (!existsSync(dirname(path)) || existsSync(path)) return openDatabase(path);
  removeDeadBuilds(path);
  const temporary = buildName(path, randomBytes(4).toString('hex'));
  let sqlite: Database.Database | null = null;
  let syncFd: number;
  try {
    sqlite = startBuild(temporary);
    // Opened before any page of the load is written: its fsync reports every write-back error since.
    syncFd = openSync(temporary, 'r');
  } catch (cause) {
    sqlite?.close();
    removeBuild(temporary);
    throw openError(path, cause);
  }
  if (sqlite === null) {
    // No hard links on this file system: the database is made in place, as `openDatabase` does.
    closeSync(syncFd);
    removeBuild(temporary);
    return openDatabase(path);
  }
  const building = sqlite;
  startFlushAhead(building, temporary);
  let closed = false;
  return {
    sqlite: building,
    db: drizzle(building, { schema }),
    path,
    close() {
      if (closed) return;
      closed = true;
      try {
        if (building.open) publish(building, { temporary, syncFd }, path);
      } finally {
        closeSync(syncFd);
      }
    },
  };
}

/** Writes the migrated image to `temporary` and opens it for the load; null when the file system has no hard links. */
function startBuild(temporary: string): Database.Database | null {
  writeImageFile(temporary);
  if (!canLink(temporary)) return null;
  const sqlite = new Database(temporary);
  try {
    // Nobody else opens the file, and a crash discards it: it needs no syncs until `close()`.
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('foreign_keys = ON');
    applyMigrations(drizzle(sqlite));
    return sqlite;
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

/**
 * Switches the finished build to WAL, closes and syncs it (through `syncFd`) and links it to `path`;
 * its temporary name is removed in any case.
 */
function publish(sqlite: Database.Database, build: { temporary: string; syncFd: number }, path: string): void {
  const { temporary } = build;
  try {
    let linked: boolean;
    try {
      closeAsWal(sqlite);
      fsyncSync(build.syncFd);
      endFlushAhead(sqlite);
      linked = linkUnlessTaken(temporary, path);
      if (linked) syncFile(dirname(path));
    } catch (err) {
      throw new Error(`database ${path}: cannot store the new database: ${(err as Error).message.split('\n')[0]}`, { cause: err });
    }
    if (!linked) {
      throw new Error(
        `database ${path}: another process created this database while the load was building it; the load was not stored, and that database is left as it is`,
      );
    }
  } finally {
    removeBuild(temporary);
  }
}

/** Ends the build's transaction if one is open, writes WAL mode into the file's header and closes it. */
function closeAsWal(sqlite: Database.Database): void {
  try {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    const mode = sqlite.pragma('journal_mode = WAL', { simple: true }) as string;
    if (mode !== 'wal') throw new Error(`the journal mode stayed ${mode}`);
  } finally {
    sqlite.close();
  }
}

/** Links `temporary` to `path`; false when a file is at `path` already. */
function linkUnlessTaken(temporary: string, path: string): boolean {
  try {
    linkSync(temporary, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** True when the file system holds hard links (probed beside `temporary`); without them a new database is made in place. */
function canLink(temporary: string): boolean {
  try {
    linkSync(temporary, `${temporary}-link`);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(`${temporary}-link`, { force: true });
  }
}

/** Flushes a file (or folder: its entries) to the disk. */
function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes a build's file and its sidecars. */
function removeBuild(temporary: string): void {
  for (const suffix of ['', ...BUILD_SIDECARS]) rmSync(temporary + suffix, { force: true });
}

import type Database from 'better-sqlite3';
import { close, fsync, openSync } from 'node:fs';

/** A database file under construction whose written pages may be flushed to the disk ahead of its final sync. */
interface Build {
  /** The build's file. */
  file: string;
  /** The first error of a flush ahead, if one failed. */
  failed: Error | null;
}

const builds = new WeakMap<Database.Database, Build>();

/**
 * Lets `flushAhead(sqlite)` flush `file`, the file of the new database `sqlite` builds (see
 * `openForLoad`), until `endFlushAhead`.
 */
export function startFlushAhead(sqlite: Database.Database, file: string): void {
  builds.set(sqlite, { file, failed: null });
}

/**
 * Starts flushing what SQLite has written so far of the new database that `sqlite` builds to
 * the disk, in the background (`fsync` on libuv's thread pool; the calling thread goes on), so
 * that the build's final sync has less left to wait for. Does nothing for any other connection
 * (an existing database, `':memory:'`). Harmless at any time: it makes nothing visible (the build
 * is linked into place only after its final sync), a file already removed (a failed load) is
 * left alone, and an error is kept for `endFlushAhead` to throw. The promise (null: no build)
 * settles when the flush has ended, never rejected: callers need not wait for it.
 *
 * @example void flushAhead(sqlite); // after a bulk write, before the index builds
 */
export function flushAhead(sqlite: Database.Database): Promise<void> | null {
  const build = builds.get(sqlite);
  if (!build) return null;
  return new Promise((resolve) => {
    const done = (err: NodeJS.ErrnoException | null): void => {
      if (err && err.code !== 'ENOENT') build.failed ??= err;
      resolve();
    };
    // Opened here (microseconds), not through the thread pool: the fsync must be queued now, while
    // this thread goes on with synchronous work and takes no callback until it is done.
    let fd: number;
    try {
      fd = openSync(build.file, 'r');
    } catch (err) {
      return done(err as NodeJS.ErrnoException);
    }
    fsync(fd, (syncErr) => close(fd, () => done(syncErr)));
  });
}

/**
 * Ends the flushes ahead of `sqlite`'s build (one still running goes on, harmlessly) and throws
 * the error of one that failed: written pages may then be lost even when the final sync succeeds.
 */
export function endFlushAhead(sqlite: Database.Database): void {
  const build = builds.get(sqlite);
  builds.delete(sqlite);
  if (build?.failed) throw new Error(`a flush ahead of the final sync failed: ${build.failed.message}`, { cause: build.failed });
}

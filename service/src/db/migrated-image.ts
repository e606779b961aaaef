import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { npmVersion } from 'drizzle-orm/version';
import { MIGRATIONS_FOLDER } from './migrate';

let image: Buffer | null = null;

/**
 * Page size of a new database, in bytes (SQLite's default is 4096). A load of 1,000,000 events
 * writes about 330 MB twice (into the write-ahead log, then the checkpoint at COMMIT copies it
 * into the database): with 16 KiB pages that is a quarter of the frames and system calls, and
 * the COMMIT of the ingest benchmark took about half the time (0.65 s instead of 1.3 s). An
 * existing database keeps its page size (WAL mode cannot change it).
 */
export const NEW_DATABASE_PAGE_SIZE = 16_384;

/** Bump when the way the image is built changes (pragmas, steps): every stored image becomes stale. */
const IMAGE_RECIPE = 1;

/** Where built images are kept (service/dist/db-image, beside the compiled command; not in git). */
export const IMAGE_FOLDER = fileURLToPath(new URL('../../dist/db-image', import.meta.url));

/**
 * The bytes of an empty database with every migration applied (and drizzle's journal of them),
 * as drizzle's migrator leaves an in-memory database with the pragmas of `openDatabase` and
 * pages of `NEW_DATABASE_PAGE_SIZE`. A new database starts from a copy: the hundreds of
 * `ALTER TABLE ... ADD` statements of the migrations each reload the whole schema (~0.3 s).
 * The image is built once and kept in `IMAGE_FOLDER` under a hash of every migration file (and
 * of drizzle's version and this recipe), so a changed, added or removed migration is never
 * served from a stale image; later processes read the file (a few ms). Held for the process.
 */
export function migratedImage(): Buffer {
  image ??= storedImage(IMAGE_FOLDER, MIGRATIONS_FOLDER);
  return image;
}

/**
 * The image of the migrations in `migrationsFolder`: read from `imageFolder` when stored there
 * whole under their hash, else built and stored (images of other migrations are removed).
 */
export function storedImage(imageFolder: string, migrationsFolder: string): Buffer {
  const file = join(imageFolder, `${imageKey(migrationsFolder)}.sqlite`);
  return readImage(file) ?? keepImage(imageFolder, file, buildImage(migrationsFolder));
}

/** The hash naming the image of the migrations: their text, journal order and times, drizzle's version, the recipe. */
function imageKey(migrationsFolder: string): string {
  const hash = createHash('sha256').update(`${IMAGE_RECIPE}\n${NEW_DATABASE_PAGE_SIZE}\n${npmVersion}\n`);
  for (const m of readMigrationFiles({ migrationsFolder })) hash.update(`${m.hash} ${m.folderMillis} ${m.bps}\n`);
  return hash.digest('hex').slice(0, 32);
}

/** Runs the migrations on an in-memory database (the pragmas of `openDatabase`) and serialises it. */
function buildImage(migrationsFolder: string): Buffer {
  const sqlite = new Database(':memory:');
  try {
    sqlite.pragma(`page_size = ${NEW_DATABASE_PAGE_SIZE}`);
    sqlite.pragma('foreign_keys = ON');
    migrate(drizzle(sqlite), { migrationsFolder });
    return sqlite.serialize();
  } finally {
    sqlite.close();
  }
}

/** The stored image at `file` when it is a whole database of the expected page size, else null. */
function readImage(file: string): Buffer | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  const whole =
    bytes.length >= 100 &&
    bytes.toString('latin1', 0, 16) === 'SQLite format 3\0' &&
    bytes.readUInt16BE(16) * (bytes.readUInt16BE(16) === 1 ? 65_536 : 1) === NEW_DATABASE_PAGE_SIZE &&
    bytes.readUInt32BE(28) * NEW_DATABASE_PAGE_SIZE === bytes.length;
  return whole ? bytes : null;
}

/**
 * Stores `bytes` at `file` (written beside it, then renamed: a reader sees no file or a whole
 * one) and removes images of other migrations; a folder that cannot be written is left alone.
 */
function keepImage(imageFolder: string, file: string, bytes: Buffer): Buffer {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(imageFolder, { recursive: true });
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
    for (const name of readdirSync(imageFolder)) {
      if (name.endsWith('.sqlite') && join(imageFolder, name) !== file) rmSync(join(imageFolder, name), { force: true });
    }
  } catch {
    // read-only install: every process builds the image in memory
    rmSync(temporary, { force: true });
  }
  return bytes;
}

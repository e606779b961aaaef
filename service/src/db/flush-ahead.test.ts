import Database from 'better-sqlite3';
import { readdirSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { endFlushAhead, flushAhead, startFlushAhead } from './flush-ahead';
import { openForLoad } from './new-database';
import { tempDir } from '../testing/ingest-fixtures';

const t = tempDir('sagsflow-flush-ahead-');
afterAll(() => t.remove());

describe('flushAhead', () => {
  it('does nothing for a connection that builds no new database', () => {
    const memory = new Database(':memory:');
    expect(flushAhead(memory)).toBeNull();
    expect(() => endFlushAhead(memory)).not.toThrow();
    memory.close();
    const existing = openDatabase(t.path('existing.sqlite'));
    expect(flushAhead(existing.sqlite)).toBeNull();
    existing.close();
  });

  it('flushes a new database while it is built, and the database is put in place whole', async () => {
    const path = t.path('flushed.sqlite');
    const store = openForLoad(path);
    store.sqlite.exec('BEGIN; CREATE TABLE x (v TEXT); INSERT INTO x VALUES (zeroblob(100000)); COMMIT');
    const flushing = flushAhead(store.sqlite);
    expect(flushing).toBeInstanceOf(Promise);
    await flushing;
    await Promise.all([flushAhead(store.sqlite), flushAhead(store.sqlite)]);
    store.close();
    expect(flushAhead(store.sqlite)).toBeNull();
    const after = openDatabase(path, { readonly: true });
    expect(after.sqlite.prepare('SELECT length(v) FROM x').pluck().get()).toBe(100000);
    after.close();
  });

  it('is harmless when the file is gone, and a failed flush fails the end', async () => {
    const sqlite = new Database(':memory:');
    startFlushAhead(sqlite, t.path('gone.sqlite'));
    await flushAhead(sqlite);
    expect(() => endFlushAhead(sqlite)).not.toThrow();
    // Any other error is kept: written pages may be lost.
    startFlushAhead(sqlite, `${t.write('plain.txt', 'x')}/below`);
    await flushAhead(sqlite);
    expect(() => endFlushAhead(sqlite)).toThrow(/a flush ahead of the final sync failed: ENOTDIR/);
    sqlite.close();
  });

  it('runs beside a load whose build file was removed meanwhile, leaving nothing behind', async () => {
    const path = t.path('removed.sqlite');
    const store = openForLoad(path);
    const building = store.sqlite.name;
    rmSync(building);
    await flushAhead(store.sqlite);
    expect(() => store.close()).toThrow(`database ${path}: cannot store the new database`);
    expect(readdirSync(t.dir).filter((n) => n.startsWith('removed.sqlite') && !n.endsWith('.key'))).toEqual([]);
  });
});

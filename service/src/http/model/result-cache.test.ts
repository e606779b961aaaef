import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createResultCache } from './result-cache';

describe('createResultCache', () => {
  it('serves a cached answer until another connection commits, then recomputes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-cache-'));
    const a = new Database(join(dir, 'db.sqlite'));
    a.pragma('journal_mode = WAL');
    a.exec('CREATE TABLE t (x INTEGER)');
    const b = new Database(join(dir, 'db.sqlite'));
    const cache = createResultCache(a, { maxBytes: 1000, maxEntryBytes: 100 });
    const count = () => (a.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
    let computed = 0;
    const get = () =>
      cache.get(
        'n',
        () => (computed++, count()),
        () => 8,
      );
    expect(get()).toBe(0);
    expect(get()).toBe(0);
    expect(computed).toBe(1);
    b.exec('INSERT INTO t VALUES (1)');
    expect(get()).toBe(1);
    expect(computed).toBe(2);
    a.exec('INSERT INTO t VALUES (2)');
    expect(get()).toBe(1);
    cache.invalidate();
    expect(get()).toBe(2);
    a.close();
    b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not keep answers above maxEntryBytes and evicts the least recently used beyond maxBytes', () => {
    const db = new Database(':memory:');
    const cache = createResultCache(db, { maxBytes: 20, maxEntryBytes: 10 });
    let calls = 0;
    const get = (key: string, size: number) =>
      cache.get(
        key,
        () => ++calls,
        () => size,
      );
    get('big', 11);
    get('big', 11);
    expect(calls).toBe(2);
    get('a', 10);
    get('b', 10);
    get('a', 10);
    get('c', 10);
    const before = calls;
    get('a', 10);
    expect(calls).toBe(before);
    get('b', 10);
    expect(calls).toBe(before + 1);
  });
});

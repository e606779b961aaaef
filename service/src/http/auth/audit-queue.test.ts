import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/ingest-fixtures';
import { lockedByAnotherConnection } from '../../testing/write-lock';
import { createAuditQueue, type AuditEntry } from './audit-queue';

const entry = (action: string, target: string) => ({ tokenId: 't', action, target, detail: null });

describe('createAuditQueue', () => {
  const t = tempDir('sagsflow-audit-queue-');
  afterAll(() => t.remove());

  it('writes a read at once when quiet, batches the reads of a burst, and writes any other action at once', async () => {
    const sqlite = new Database(':memory:');
    const batches: string[][] = [];
    const queue = createAuditQueue(
      sqlite,
      (entries: readonly AuditEntry[]) => batches.push(entries.map((e) => e.target!)),
      () => {},
      500,
      50,
    );
    queue.record(entry('read', 'a'));
    queue.record(entry('read', 'b'));
    queue.record(entry('read', 'c'));
    expect(batches).toEqual([['a']]);
    await new Promise((r) => setTimeout(r, 120));
    expect(batches).toEqual([['a'], ['b', 'c']]);
    queue.record(entry('read', 'd'));
    queue.record(entry('delete-log', 'e'));
    expect(batches).toEqual([['a'], ['b', 'c'], ['d'], ['e']]);
    queue.record(entry('read', 'f'));
    queue.close();
    expect(batches.at(-1)).toEqual(['f']);
    sqlite.close();
  });

  it('keeps entries in memory while another connection holds the write lock and writes them once it is free', async () => {
    const path = t.path('audit.sqlite');
    const { server, load } = lockedByAnotherConnection(path, 'CREATE TABLE audit (target TEXT)');
    const insert = server.prepare('INSERT INTO audit VALUES (?)');
    const queue = createAuditQueue(
      server,
      (entries) => server.transaction(() => entries.forEach((e) => insert.run(e.target)))(),
      () => {},
      30,
    );
    const started = performance.now();
    queue.record(entry('read', 'a'));
    queue.record(entry('upload', 'b'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.prepare('SELECT count(*) FROM audit').pluck().get()).toBe(0);
    load.exec('ROLLBACK');
    await new Promise((r) => setTimeout(r, 150));
    expect(server.prepare('SELECT target FROM audit').pluck().all()).toEqual(['a', 'b']);
    queue.close();
    load.close();
    server.close();
  });
});

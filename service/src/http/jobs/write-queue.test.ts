import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/ingest-fixtures';
import { lockedByAnotherConnection } from '../../testing/write-lock';
import { createWriteQueue } from './write-queue';

describe('createWriteQueue', () => {
  const t = tempDir('sagsflow-write-queue-');
  afterAll(() => t.remove());

  it('returns at once while another connection holds the write lock, then writes in order once it is free', () => {
    const path = t.path('queue.sqlite');
    const { server, load } = lockedByAnotherConnection(path, 'CREATE TABLE t (x INTEGER)');
    load.exec('INSERT INTO t VALUES (0)');
    const logged: string[] = [];
    const queue = createWriteQueue(server, (m) => logged.push(m), 60_000);
    const insert = (x: number) => () => void server.prepare('INSERT INTO t VALUES (?)').run(x);
    const started = performance.now();
    queue.write(insert(1));
    queue.write(insert(2));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(queue.flush()).toBe(false);
    expect(server.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
    load.exec('COMMIT');
    expect(queue.flush()).toBe(true);
    queue.write(insert(3));
    expect(server.prepare('SELECT x FROM t ORDER BY rowid').pluck().all()).toEqual([0, 1, 2, 3]);
    expect(server.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(logged).toEqual([]);
    load.close();
    server.close();
  });

  it('close() writes what is queued; a write that fails for another reason than a lock is logged and dropped', () => {
    const path = t.path('close.sqlite');
    const { server, load } = lockedByAnotherConnection(path, 'CREATE TABLE t (x INTEGER NOT NULL)');
    const logged: string[] = [];
    const queue = createWriteQueue(server, (m) => logged.push(m), 60_000);
    queue.write(() => void server.prepare('INSERT INTO t VALUES (NULL)').run());
    queue.write(() => void server.prepare('INSERT INTO t VALUES (7)').run());
    load.exec('ROLLBACK');
    queue.close();
    expect(server.prepare('SELECT x FROM t').pluck().all()).toEqual([7]);
    expect(logged).toEqual(['could not record a job: NOT NULL constraint failed: t.x']);
    load.close();
    server.close();
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { TINY_CSV, tempDir } from '../../testing/ingest-fixtures';
import { createJobRunner } from './job-runner';

describe('job rows while another connection holds the write lock', () => {
  const t = tempDir('sagsflow-job-lock-');
  afterAll(() => t.remove());

  it('submit returns at once and the queued job is stored once the lock is free', async () => {
    const dbPath = t.path('lock.sqlite');
    const server = openDatabase(dbPath);
    const load = openDatabase(dbPath);
    const runner = createJobRunner({ log: () => {} });
    runner.persist(server.sqlite, dbPath);
    load.sqlite.exec('BEGIN IMMEDIATE');
    const dir = join(t.dir, 'up');
    mkdirSync(dir);
    writeFileSync(join(dir, 'tiny.csv'), TINY_CSV);
    const started = performance.now();
    const job = runner.submit({ dbPath, files: [join(dir, 'tiny.csv')], log: 'a', minGroupSize: 5 }, { tokenId: 't1', cleanupDir: dir });
    expect(performance.now() - started).toBeLessThan(1000);
    const stored = () => server.sqlite.prepare('SELECT state FROM jobs WHERE id = ?').pluck().get(job.id);
    expect(stored()).toBeUndefined();
    load.sqlite.exec('ROLLBACK');
    for (let i = 0; i < 50 && stored() === undefined; i++) await new Promise((r) => setTimeout(r, 50));
    expect(['queued', 'running', 'done']).toContain(stored());
    await runner.cancel(job.id);
    await runner.close();
    expect(stored()).toBe((await runner.wait(job.id)).state);
    load.close();
    server.close();
  });
});

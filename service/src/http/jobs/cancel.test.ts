import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { createToken } from '../../tokens';
import { createApp } from '../../app';
import { TINY_CSV } from '../../testing/ingest-fixtures';
import { createJobRunner } from './job-runner';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup(timeLimitMs?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-jobs-'));
  dirs.push(dir);
  const dbPath = join(dir, 'db.sqlite');
  const store = openDatabase(dbPath);
  const jobs = createJobRunner(timeLimitMs === undefined ? {} : { timeLimitMs });
  const app = createApp({
    db: store.db,
    sqlite: store.sqlite,
    dbPath,
    uploadDir: join(dir, 'uploads'),
    jobs,
    log: () => {},
    preview: false,
  });
  const auth = { Authorization: `Bearer ${createToken(store.db, { role: 'analyst' }).token}` };
  /** A job of the tiny extract in its own upload folder, as an upload would queue it. */
  const submit = (log: string, tokenId = 't1') => {
    const up = join(dir, `up_${log}`);
    mkdirSync(up);
    writeFileSync(join(up, 'tiny.csv'), TINY_CSV);
    const job = jobs.submit(
      { dbPath, files: [join(up, 'tiny.csv')], log, minGroupSize: 5, policy: { maxQuarantineShare: 1 } },
      { tokenId, cleanupDir: up },
    );
    return { job, up };
  };
  return { store, jobs, app, auth, submit };
}

describe('jobs: cancel, time limit, fair turns', () => {
  it('DELETE /api/jobs/:id cancels a queued job and a running one, removes their uploads and stores nothing; an ended job is a 409', async () => {
    const { app, auth, jobs, submit, store } = setup();
    const first = submit('a');
    const second = submit('b');
    expect(second.job.state).toBe('queued');
    const queued = await app.request(`/api/jobs/${second.job.id}`, { method: 'DELETE', headers: auth });
    expect(queued.status).toBe(200);
    expect(((await queued.json()) as { state: string }).state).toBe('cancelled');
    expect(existsSync(second.up)).toBe(false);
    const running = await app.request(`/api/jobs/${first.job.id}`, { method: 'DELETE', headers: auth });
    expect(running.status).toBe(200);
    expect((await jobs.wait(first.job.id)).state).toBe('cancelled');
    expect(existsSync(first.up)).toBe(false);
    expect(store.sqlite.prepare("SELECT count(*) AS n FROM loads WHERE status = 'stored'").get()).toEqual({ n: 0 });
    expect((await app.request(`/api/jobs/${first.job.id}`, { method: 'DELETE', headers: auth })).status).toBe(409);
    expect((await app.request('/api/jobs/j_nope', { method: 'DELETE', headers: auth })).status).toBe(404);
    await jobs.close();
  });

  it('a job past its time limit fails with a one-line reason and its upload is removed', async () => {
    const { jobs, submit } = setup(1);
    const { job, up } = submit('slow');
    const ended = await jobs.wait(job.id);
    expect(ended.state).toBe('failed');
    expect(ended.error).toMatch(/^ingest stopped after the time limit of 0 min; nothing was stored/);
    expect(existsSync(up)).toBe(false);
    await jobs.close();
  });

  it('queued jobs take fair turns between tokens', async () => {
    const { jobs, submit } = setup();
    const a1 = submit('a1', 'alice');
    const a2 = submit('a2', 'alice');
    const b1 = submit('b1', 'bob');
    const order: string[] = [];
    jobs.onFinished = (job) => order.push(job.log);
    await Promise.all([a1, a2, b1].map((s) => jobs.wait(s.job.id)));
    expect(order).toEqual(['a1', 'b1', 'a2']);
    await jobs.close();
  });
});

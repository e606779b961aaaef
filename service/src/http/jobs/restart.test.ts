import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { openDatabase } from '../../db/client';
import { generateLog } from '../../generate/index';
import { TINY_CSV, tempDir } from '../../testing/ingest-fixtures';
import { createToken } from '../../tokens';
import { createJobRunner } from './job-runner';
import { STOPPED_WHILE_RUNNING } from './job-store';

const CHILD = fileURLToPath(new URL('../../testing/kill-server.ts', import.meta.url));

/** A new server app over `dbPath` (as after a restart), with an analyst token. */
function restart(dbPath: string, uploadDir: string) {
  const store = openDatabase(dbPath);
  const jobs = createJobRunner();
  const app = createApp({ db: store.db, sqlite: store.sqlite, dbPath, uploadDir, jobs, log: () => {}, preview: false });
  const auth = { Authorization: `Bearer ${createToken(store.db, { role: 'analyst' }).token}` };
  const job = async (id: string) =>
    (await app.request(`/api/jobs/${id}`, { headers: auth })).json() as Promise<{ state: string; error: string | null }>;
  return { store, jobs, job, close: async () => (await jobs.close(), app.close(), store.close()) };
}

describe('jobs kept in the database across a restart', () => {
  const t = tempDir('sagsflow-restart-');
  afterAll(() => t.remove());

  it('a stop fails the running job visibly and removes its upload; the queued job resumes at the next start and its upload is removed', async () => {
    const dbPath = t.path('stop.sqlite');
    const uploads = t.path('uploads-stop');
    const first = restart(dbPath, uploads);
    const submit = (log: string) => {
      const dir = join(uploads, `up_${log}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, '010203-1234 tiny.csv'), TINY_CSV);
      return {
        dir,
        job: first.jobs.submit(
          { dbPath, files: [join(dir, '010203-1234 tiny.csv')], log, minGroupSize: 5, policy: { maxQuarantineShare: 1 } },
          { tokenId: 't1', cleanupDir: dir },
        ),
      };
    };
    const a = submit('a');
    const b = submit('b');
    expect([a.job.state, b.job.state]).toEqual(['running', 'queued']);
    const row = first.store.sqlite.prepare('SELECT state, files, spec FROM jobs WHERE id = ?').get(b.job.id) as {
      state: string;
      files: string;
      spec: string;
    };
    expect(row.state).toBe('queued');
    // The database never holds the clear CPR number of the file name.
    expect(`${row.files}${row.spec}`).not.toContain('010203-1234');
    await first.close();
    expect(existsSync(a.dir)).toBe(false);
    expect(existsSync(b.dir)).toBe(true);

    const second = restart(dbPath, uploads);
    expect(await second.job(a.job.id)).toMatchObject({ state: 'failed', error: STOPPED_WHILE_RUNNING });
    const resumed = await second.jobs.wait(b.job.id);
    expect(resumed.state).toBe('done');
    expect(resumed.report?.files).toEqual(['******-**** tiny.csv']);
    expect(existsSync(b.dir)).toBe(false);
    expect(await second.job(b.job.id)).toMatchObject({ state: 'done', error: null });
    expect(second.store.sqlite.prepare("SELECT count(*) FROM logs WHERE name = 'b'").pluck().get()).toBe(1);
    await second.close();
  }, 60_000);

  it('after kill -9 of the server the running job is failed visibly at restart and its upload removed; the queued one resumes', async () => {
    const dbPath = t.path('kill.sqlite');
    const uploads = t.path('uploads-kill');
    const bigDir = join(uploads, 'up_big');
    const tinyDir = join(uploads, 'up_tiny');
    mkdirSync(bigDir, { recursive: true });
    mkdirSync(tinyDir, { recursive: true });
    await generateLog({ process: 'dagpenge', cases: 15_000, seed: 3, out: join(bigDir, 'big.csv') });
    writeFileSync(join(tinyDir, '010203-1234 tiny.csv'), TINY_CSV);
    openDatabase(dbPath).close();

    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, bigDir, tinyDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const said = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('running')) resolve(out);
      });
      child.on('exit', () => resolve(out));
    });
    expect(said).toContain('running');
    const bigId = /job (j_[0-9a-f]+)/.exec(said)![1]!;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(bigDir)).toBe(true);

    const after = restart(dbPath, uploads);
    expect(await after.job(bigId)).toMatchObject({ state: 'failed', error: STOPPED_WHILE_RUNNING });
    expect(existsSync(bigDir)).toBe(false);
    const tinyId = after.store.sqlite.prepare("SELECT id FROM jobs WHERE log = 'tiny'").pluck().get() as string;
    expect((await after.jobs.wait(tinyId)).state).toBe('done');
    expect(readdirSync(uploads)).toEqual([]);
    expect(after.store.sqlite.prepare("SELECT count(*) FROM logs WHERE name = 'big'").pluck().get()).toBe(0);
    await after.close();
  }, 120_000);
});

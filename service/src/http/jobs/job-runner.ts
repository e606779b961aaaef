import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../../runtime/build-info';
import type { IngestJobSpec, Job, WorkerMessage } from './job-types';
import { maskCpr } from '../../privacy/index';
import { recoverJobs, STOPPED_WHILE_RUNNING, storedJob, storeJob, storeJobState } from './job-store';
import { createWriteQueue, type WriteQueue } from './write-queue';

const WORKER_ENTRY = workerEntry('ingest-worker', new URL('./ingest-worker-entry.mjs', import.meta.url));

const WITH_VALUE = new Set(['--import', '--require', '-r', '--conditions', '-C', '--loader', '--experimental-loader']);

/**
 * The parent's execArgv as a worker accepts it: module preloads (`--import tsx`), conditions and
 * flags like `--enable-source-maps` are kept; process-only options (`-e`, `--input-type`, ...) dropped.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    const name = arg.split('=')[0]!;
    if (WITH_VALUE.has(name)) {
      if (arg.includes('=')) out.push(arg);
      else if (i + 1 < execArgv.length) out.push(arg, execArgv[++i]!);
    } else if (/^--(experimental-|no-warnings|enable-source-maps|no-deprecation|trace-)/.test(arg)) out.push(arg);
    else if (arg === '-e' || arg === '--eval' || arg === '-p' || arg === '--print') i++;
  }
  return out;
}

/** How long one ingest job may run before it is stopped (and its load rolled back). */
export const DEFAULT_JOB_TIME_LIMIT_MS = 60 * 60_000;

/** Runs ingest jobs one at a time (SQLite has one writer) in a worker thread each. */
export interface JobRunner {
  /** Queues a job; `cleanupDir` (the upload folder) is removed when it ends. */
  submit(spec: IngestJobSpec, meta: { tokenId: string; cleanupDir: string | null }): Job;
  get(id: string): Job | undefined;
  /** Resolves when the job has ended (done, failed or cancelled). */
  wait(id: string): Promise<Job>;
  /**
   * Cancels a queued job, or stops a running one (its load rolls back): the job ends
   * `cancelled` and its upload folder is removed. False when the job has already ended.
   */
  cancel(id: string): Promise<boolean>;
  /**
   * Stops the running worker (that job fails, its upload is removed) and drops the queued jobs
   * from memory; with a database (`persist`) they stay queued there and resume at the next start.
   */
  close(): Promise<void>;
  /**
   * Keeps the jobs in the `jobs` table of this database from now on, and takes over what a
   * previous run left there: running jobs fail visibly (their uploads are removed), queued
   * ones are resumed. Does nothing for an in-memory database. Job rows are written without
   * waiting for the lock a running load holds (queued in order and retried, see `createWriteQueue`).
   */
  persist(sqlite: Database.Database, dbPath: string): void;
  /** Called with each finished job (the app audits loads with it). */
  onFinished?: (job: Job) => void;
}

/**
 * The job runner. Each job runs in a `worker_threads` Worker with its own database
 * connection, so the server thread keeps answering readers (WAL) while a load holds the
 * write lock. From the build it runs the compiled worker bundle; from the sources it inherits
 * `process.execArgv` (`--import tsx`) and its entry registers tsx itself when it is missing
 * (e.g. under vitest).
 */
export function createJobRunner(
  options: { keepJobs?: number; onFinished?: (job: Job) => void; timeLimitMs?: number; log?: (message: string) => void } = {},
): JobRunner {
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_JOB_TIME_LIMIT_MS;
  const jobs = new Map<string, Job>();
  const waiters = new Map<string, ((job: Job) => void)[]>();
  const queue: { job: Job; spec: IngestJobSpec; cleanupDir: string | null }[] = [];
  let running: { worker: Worker; job: Job; end: (state: 'failed' | 'cancelled', error: string) => Promise<void> } | null = null;
  let lastToken: string | null = null;
  let closed = false;
  let db: Database.Database | null = null;
  let writes: WriteQueue | null = null;
  /** Queues a write of the job table (in order; see `createWriteQueue`); none without a database. */
  const record = (write: (sqlite: Database.Database) => void) => {
    const sqlite = db;
    if (sqlite) writes?.write(() => write(sqlite));
  };
  const save = (job: Job) => {
    const snapshot = { ...job };
    record((sqlite) => storeJobState(sqlite, snapshot));
  };

  const finish = async (job: Job, cleanupDir: string | null) => {
    job.finishedAt = Date.now();
    save(job);
    if (cleanupDir) await rm(cleanupDir, { recursive: true, force: true }).catch(() => undefined);
    runner.onFinished?.(job);
    for (const w of waiters.get(job.id) ?? []) w(job);
    waiters.delete(job.id);
    const keep = options.keepJobs ?? 1000;
    if (jobs.size > keep) {
      for (const [id, j] of jobs) {
        if (jobs.size <= keep) break;
        if (j.finishedAt !== null) jobs.delete(id);
      }
    }
  };

  const next = () => {
    if (running || closed) return;
    // Fair turns: the oldest job of another token than the last one goes first, so one
    // uploader's backlog does not hold everyone else's loads.
    const turn = queue.findIndex((q) => q.job.tokenId !== lastToken);
    const item = queue.splice(turn >= 0 ? turn : 0, 1)[0];
    if (!item) return;
    const { job, spec, cleanupDir } = item;
    job.state = 'running';
    save(job);
    lastToken = job.tokenId;
    const worker = new Worker(WORKER_ENTRY, { workerData: spec, execArgv: workerExecArgv(process.execArgv) });
    let ended = false;
    const end = async (state: 'done' | 'failed' | 'cancelled', error: string | null): Promise<void> => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      job.state = state;
      job.error = error;
      if (state === 'done') job.progress = 1;
      running = null;
      if (state !== 'done') void worker.terminate();
      next();
      await finish(job, cleanupDir);
    };
    const timer = setTimeout(
      () =>
        void end(
          'failed',
          `ingest stopped after the time limit of ${Math.round(timeLimitMs / 60_000)} min; nothing was stored (split the extract, or check it is what you meant to load)`,
        ),
      timeLimitMs,
    );
    timer.unref?.();
    running = { worker, job, end };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') {
        job.progress = Math.max(job.progress, Math.min(0.99, m.progress));
        job.phase = m.phase;
      } else if (m.type === 'done') {
        job.report = m.report;
        void end('done', null);
      } else void end('failed', m.message);
    });
    worker.on('error', (e) => void end('failed', `ingest worker crashed: ${e.message.split('\n')[0]}`));
    worker.on('exit', (code) => void end('failed', `ingest worker exited with code ${code} before finishing`));
  };

  const runner: JobRunner = {
    onFinished: options.onFinished,
    submit(spec, meta) {
      const job: Job = {
        id: `j_${randomBytes(6).toString('hex')}`,
        log: spec.log,
        files: spec.files.map((f) => maskCpr(f.split(/[\\/]/).pop() ?? f)),
        tokenId: meta.tokenId,
        state: 'queued',
        progress: 0,
        phase: null,
        createdAt: Date.now(),
        finishedAt: null,
        report: null,
        error: null,
      };
      jobs.set(job.id, job);
      const snapshot = { ...job };
      record((sqlite) => storeJob(sqlite, snapshot, spec, meta.cleanupDir));
      queue.push({ job, spec, cleanupDir: meta.cleanupDir });
      next();
      return job;
    },
    get: (id) => jobs.get(id) ?? (db?.open ? storedJob(db, id) : undefined),
    wait(id) {
      const job = runner.get(id);
      if (!job) return Promise.reject(new Error(`wait: no job ${id}`));
      if (job.state === 'done' || job.state === 'failed' || job.state === 'cancelled') return Promise.resolve(job);
      return new Promise((resolve) => waiters.set(id, [...(waiters.get(id) ?? []), resolve]));
    },
    async cancel(id) {
      const queued = queue.findIndex((q) => q.job.id === id);
      if (queued >= 0) {
        const [item] = queue.splice(queued, 1);
        item!.job.state = 'cancelled';
        item!.job.error = 'cancelled before it started';
        await finish(item!.job, item!.cleanupDir);
        return true;
      }
      if (running?.job.id === id) {
        const { worker, end } = running;
        const ending = end('cancelled', 'cancelled while running; nothing was stored');
        await worker.terminate();
        await ending;
        return true;
      }
      return false;
    },
    async close() {
      closed = true;
      queue.length = 0;
      if (running) {
        const { worker, end } = running;
        const ending = end('failed', STOPPED_WHILE_RUNNING);
        await worker.terminate();
        await ending;
      }
      writes?.close();
    },
    persist(sqlite, dbPath) {
      if (dbPath === ':memory:') return;
      db = sqlite;
      writes = createWriteQueue(sqlite, options.log ?? ((message) => console.error(message)));
      const { failed, failedDirs, queued } = recoverJobs(sqlite, dbPath, Date.now());
      for (const dir of failedDirs) rmSync(dir, { recursive: true, force: true });
      for (const job of failed) {
        jobs.set(job.id, job);
        runner.onFinished?.(job);
      }
      for (const item of queued) {
        jobs.set(item.job.id, item.job);
        queue.push(item);
      }
      next();
    },
  };
  return runner;
}

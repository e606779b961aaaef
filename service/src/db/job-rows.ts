import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { maskCpr } from '../privacy/index';
import type { IngestJobSpec, Job } from '../http/jobs/job-types';

/** How many ended jobs the `jobs` table keeps (the oldest are deleted). */
const KEEP_ENDED_JOBS = 1000;

/** Why a job that was running when the server stopped is failed at the next start. */
export const STOPPED_WHILE_RUNNING =
  'the server stopped while this job was running; nothing was stored (a load rolls back): upload the files again';

interface JobDbRow {
  id: string;
  log: string;
  token_id: string;
  state: Job['state'];
  files: string;
  spec: string;
  cleanup_dir: string | null;
  created_at: number;
  finished_at: number | null;
  report: string | null;
  error: string | null;
}

/** The file name a job row keeps: without its folder, CPR-masked (the upload folder has the real name). */
const storedName = (path: string): string => maskCpr(path.split(/[\\/]/).pop() ?? path);

/**
 * Writes a queued job (its spec without the database path; file paths as masked names, found
 * again in the upload folder when the job is resumed).
 */
export function insertJob(sqlite: Database.Database, job: Job, spec: IngestJobSpec, cleanupDir: string | null): void {
  const { dbPath: _dbPath, files, model, ...rest } = spec;
  const stored = { ...rest, files: files.map(storedName), ...(model ? { model: storedName(model) } : {}) };
  sqlite
    .prepare(
      `INSERT INTO jobs (id, log, token_id, state, files, spec, cleanup_dir, created_at, finished_at, report, error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)`,
    )
    .run(job.id, job.log, job.tokenId, job.state, JSON.stringify(job.files), JSON.stringify(stored), cleanupDir, job.createdAt);
}

/** Records a job's state (and, once ended, when, its report or error); deletes the oldest ended jobs beyond the limit. */
export function updateJob(sqlite: Database.Database, job: Job): void {
  sqlite
    .prepare('UPDATE jobs SET state = ?, finished_at = ?, report = ?, error = ? WHERE id = ?')
    .run(job.state, job.finishedAt, job.report ? JSON.stringify(job.report) : null, job.error, job.id);
  if (job.finishedAt !== null)
    sqlite
      .prepare(
        `DELETE FROM jobs WHERE finished_at IS NOT NULL AND id NOT IN
         (SELECT id FROM jobs WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT ${KEEP_ENDED_JOBS})`,
      )
      .run();
}

/** A job as kept in the database (after a restart, or once it has left the runner's memory). */
export function readJob(sqlite: Database.Database, id: string): Job | undefined {
  const row = sqlite.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobDbRow | undefined;
  return row ? jobOfRow(row) : undefined;
}

function jobOfRow(row: JobDbRow): Job {
  return {
    id: row.id,
    log: row.log,
    files: JSON.parse(row.files) as string[],
    tokenId: row.token_id,
    state: row.state,
    progress: row.state === 'done' ? 1 : 0,
    phase: null,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    report: row.report ? (JSON.parse(row.report) as Job['report']) : null,
    error: row.error,
  };
}

/** A job found queued at start: resumed with its spec (files found again in its upload folder). */
export interface QueuedJob {
  job: Job;
  spec: IngestJobSpec;
  cleanupDir: string | null;
}

/**
 * What a starting server does with the jobs a previous run left: a job that was running is
 * failed (`STOPPED_WHILE_RUNNING`, its upload folder to be removed), a queued one is handed
 * back to be resumed, in the order it was queued.
 */
export function recoverJobs(
  sqlite: Database.Database,
  dbPath: string,
  now: number,
): { failed: Job[]; failedDirs: string[]; queued: QueuedJob[] } {
  const rows = sqlite.prepare("SELECT * FROM jobs WHERE state IN ('queued', 'running') ORDER BY created_at, rowid").all() as JobDbRow[];
  const failed: Job[] = [];
  const failedDirs: string[] = [];
  const queued: QueuedJob[] = [];
  for (const row of rows) {
    if (row.state === 'running') {
      const job = { ...jobOfRow(row), state: 'failed' as const, finishedAt: now, error: STOPPED_WHILE_RUNNING };
      updateJob(sqlite, job);
      failed.push(job);
      if (row.cleanup_dir) failedDirs.push(row.cleanup_dir);
      continue;
    }
    const stored = JSON.parse(row.spec) as Omit<IngestJobSpec, 'dbPath'>;
    const find = (name: string): string => {
      const dir = row.cleanup_dir;
      const match = dir ? safeReaddir(dir).find((f) => maskCpr(f) === name) : undefined;
      return dir ? join(dir, match ?? name) : name;
    };
    queued.push({
      job: jobOfRow(row),
      spec: { ...stored, dbPath, files: stored.files.map(find), ...(stored.model ? { model: find(stored.model) } : {}) },
      cleanupDir: row.cleanup_dir,
    });
  }
  return { failed, failedDirs, queued };
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { maskCpr } from '../../privacy/index';
import * as rows from '../../db/job-rows';
import type { IngestJobSpec, Job } from './job-types';

/** Why a job that was running when the server stopped is failed at the next start. */
export const STOPPED_WHILE_RUNNING =
  'the server stopped while this job was running; nothing was stored (a load rolls back): upload the files again';

/** The file name a job row keeps: without its folder, CPR-masked (the upload folder has the real name). */
const storedName = (path: string): string => maskCpr(path.split(/[\\/]/).pop() ?? path);

/** A job as served, from its stored record (a stored job has no live progress or phase). */
function jobOf(record: rows.JobRecord<Job['report']>): Job {
  return { ...record, progress: record.state === 'done' ? 1 : 0, phase: null };
}

/** The part of a job that is stored (the served fields without progress and phase). */
function recordOf(job: Job): rows.JobRecord {
  const { progress: _progress, phase: _phase, ...record } = job;
  return record;
}

/**
 * Stores a queued job (its spec without the database path; file paths as masked names, found
 * again in the upload folder when the job is resumed).
 */
export function storeJob(sqlite: Database.Database, job: Job, spec: IngestJobSpec, cleanupDir: string | null): void {
  const { dbPath: _dbPath, files, model, ...rest } = spec;
  const stored = { ...rest, files: files.map(storedName), ...(model ? { model: storedName(model) } : {}) };
  rows.insertJob(sqlite, recordOf(job), stored, cleanupDir);
}

/** Records a job's state (and, once ended, its report or error). */
export function storeJobState(sqlite: Database.Database, job: Job): void {
  rows.updateJob(sqlite, recordOf(job));
}

/** A job as kept in the database (after a restart, or once it has left the runner's memory). */
export function storedJob(sqlite: Database.Database, id: string): Job | undefined {
  const record = rows.readJob<Job['report']>(sqlite, id);
  return record ? jobOf(record) : undefined;
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
  const failed: Job[] = [];
  const failedDirs: string[] = [];
  const queued: QueuedJob[] = [];
  for (const row of rows.unfinishedJobs<Job['report']>(sqlite)) {
    if (row.job.state === 'running') {
      const job = { ...jobOf(row.job), state: 'failed' as const, finishedAt: now, error: STOPPED_WHILE_RUNNING };
      storeJobState(sqlite, job);
      failed.push(job);
      if (row.cleanupDir) failedDirs.push(row.cleanupDir);
      continue;
    }
    const stored = row.spec as Omit<IngestJobSpec, 'dbPath'>;
    const dir = row.cleanupDir;
    const find = (name: string): string => {
      const match = dir ? safeReaddir(dir).find((f) => maskCpr(f) === name) : undefined;
      return dir ? join(dir, match ?? name) : name;
    };
    queued.push({
      job: jobOf(row.job),
      spec: { ...stored, dbPath, files: stored.files.map(find), ...(stored.model ? { model: find(stored.model) } : {}) },
      cleanupDir: dir,
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

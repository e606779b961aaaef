import type Database from 'better-sqlite3';
import type { JobStateColumn } from './schema';

/** How many ended jobs the `jobs` table keeps (the oldest are deleted). */
const KEEP_ENDED_JOBS = 1000;

/** Where a job is (the `jobs.state` column). */
export type JobState = JobStateColumn;

/**
 * A job as the `jobs` table keeps it: the caller decides what is stored (masked file names, the
 * report as it serves it); this layer only writes and reads it back.
 */
export interface JobRecord<Report = unknown> {
  id: string;
  log: string;
  files: string[];
  /** The token that started it. */
  tokenId: string;
  state: JobState;
  createdAt: number;
  finishedAt: number | null;
  report: Report | null;
  /** One-line reason when failed. */
  error: string | null;
}

/** An unfinished job as stored: its record, the spec it was queued with and its upload folder. */
export interface UnfinishedJobRow<Report = unknown> {
  job: JobRecord<Report>;
  spec: unknown;
  cleanupDir: string | null;
}

interface JobDbRow {
  id: string;
  log: string;
  token_id: string;
  state: JobState;
  files: string;
  spec: string;
  cleanup_dir: string | null;
  created_at: number;
  finished_at: number | null;
  report: string | null;
  error: string | null;
}

/** Writes a queued job with the spec to keep (stored as JSON, as given) and its upload folder. */
export function insertJob(sqlite: Database.Database, job: JobRecord, spec: object, cleanupDir: string | null): void {
  sqlite
    .prepare(
      `INSERT INTO jobs (id, log, token_id, state, files, spec, cleanup_dir, created_at, finished_at, report, error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)`,
    )
    .run(job.id, job.log, job.tokenId, job.state, JSON.stringify(job.files), JSON.stringify(spec), cleanupDir, job.createdAt);
}

/** Records a job's state (and, once ended, when, its report or error); deletes the oldest ended jobs beyond the limit. */
export function updateJob(sqlite: Database.Database, job: JobRecord): void {
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

/** The stored job with that id, or undefined. */
export function readJob<Report>(sqlite: Database.Database, id: string): JobRecord<Report> | undefined {
  const row = sqlite.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobDbRow | undefined;
  return row ? recordOf<Report>(row) : undefined;
}

/** The jobs still queued or running, in the order they were queued. */
export function unfinishedJobs<Report>(sqlite: Database.Database): UnfinishedJobRow<Report>[] {
  const rows = sqlite.prepare("SELECT * FROM jobs WHERE state IN ('queued', 'running') ORDER BY created_at, rowid").all() as JobDbRow[];
  return rows.map((row) => ({ job: recordOf<Report>(row), spec: JSON.parse(row.spec) as unknown, cleanupDir: row.cleanup_dir }));
}

function recordOf<Report>(row: JobDbRow): JobRecord<Report> {
  return {
    id: row.id,
    log: row.log,
    files: JSON.parse(row.files) as string[],
    tokenId: row.token_id,
    state: row.state,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    report: row.report ? (JSON.parse(row.report) as Report) : null,
    error: row.error,
  };
}

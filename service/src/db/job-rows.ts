import type Database from 'better-sqlite3';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { drizzleOf } from './connection';
import { jobs, type JobDbRow, type JobStateColumn } from './schema';

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
  const row = drizzleOf(sqlite).select().from(jobs).where(eq(jobs.id, id)).get();
  return row ? recordOf<Report>(row) : undefined;
}

/** The jobs still queued or running, in the order they were queued. */
export function unfinishedJobs<Report>(sqlite: Database.Database): UnfinishedJobRow<Report>[] {
  const rows = drizzleOf(sqlite)
    .select()
    .from(jobs)
    .where(inArray(jobs.state, ['queued', 'running']))
    .orderBy(asc(jobs.createdAt), sql`rowid`)
    .all();
  return rows.map((row) => ({ job: recordOf<Report>(row), spec: JSON.parse(row.spec) as unknown, cleanupDir: row.cleanupDir }));
}

function recordOf<Report>(row: JobDbRow): JobRecord<Report> {
  return {
    id: row.id,
    log: row.log,
    files: JSON.parse(row.files) as string[],
    tokenId: row.tokenId,
    state: row.state,
    createdAt: row.createdAt.getTime(),
    finishedAt: row.finishedAt?.getTime() ?? null,
    report: row.report ? (JSON.parse(row.report) as Report) : null,
    error: row.error,
  };
}

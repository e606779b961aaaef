import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The versions of a log that can be made current again (`sagsflow versions rollback`): one row
 * per stored version with what its model tables were built with (`recipe`, JSON of
 * `VersionRecipe`). `kept` is 1 while the version's events are kept (the current version's in
 * `events`, earlier ones' in `version_events`), 0 once they were pruned.
 */
export const logVersions = sqliteTable(
  'log_versions',
  {
    log: text('log').notNull(),
    version: integer('version').notNull(),
    recipe: text('recipe').notNull(),
    kept: integer('kept').notNull().default(1),
    /** The token that loaded it, null for the command line. */
    loadedBy: text('loaded_by'),
  },
  (t) => [primaryKey({ columns: [t.log, t.version] })],
);

/** Events of the kept earlier versions of a log (same columns as `events`; never served). */
export const versionEvents = sqliteTable(
  'version_events',
  {
    id: integer('id').primaryKey(),
    log: text('log').notNull(),
    version: integer('version').notNull(),
    caseId: text('case_id').notNull(),
    activity: text('activity').notNull(),
    timestamp: integer('timestamp', { mode: 'timestamp_ms' }).notNull(),
    endTimestamp: integer('end_timestamp', { mode: 'timestamp_ms' }),
    resource: text('resource'),
    lifecycle: text('lifecycle'),
    jobcenter: text('jobcenter'),
    attributes: text('attributes'),
  },
  (t) => [index('version_events_log_version_idx').on(t.log, t.version)],
);

/** Case-level data of the kept earlier versions (process, jobcenter, case attributes as in `cases`; never served). */
export const versionCases = sqliteTable(
  'version_cases',
  {
    id: integer('id').primaryKey(),
    log: text('log').notNull(),
    version: integer('version').notNull(),
    caseId: text('case_id').notNull(),
    process: text('process').notNull(),
    jobcenter: text('jobcenter').notNull(),
    attributes: text('attributes'),
  },
  (t) => [index('version_cases_log_version_idx').on(t.log, t.version)],
);

/** Where an upload job is. */
export type JobStateColumn = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/**
 * Upload (ingest) jobs, written when queued and updated as they run, so that a restart resumes
 * the queued ones and fails the running ones visibly. `spec` is the job's JSON without the
 * database path; `cleanup_dir` is its upload folder, removed when the job ends.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    log: text('log').notNull(),
    tokenId: text('token_id').notNull(),
    state: text('state').$type<JobStateColumn>().notNull(),
    /** JSON array of the file names, masked as in `loads.files`. */
    files: text('files').notNull(),
    spec: text('spec').notNull(),
    cleanupDir: text('cleanup_dir'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    /** JSON of the load report when done. */
    report: text('report'),
    /** One-line reason when failed or cancelled. */
    error: text('error'),
  },
  (t) => [index('jobs_state_idx').on(t.state)],
);

export type LogVersionRow = typeof logVersions.$inferSelect;
export type JobDbRow = typeof jobs.$inferSelect;

import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A named event log. Every load of it creates a new `version`; the served tables hold the
 * rows of `currentVersion` only (older versions' events and model rows are deleted in the
 * load's transaction, their `loads` rows stay as history).
 */
export const logs = sqliteTable('logs', {
  name: text('name').primaryKey(),
  /** The process given at load time (`--process`), null when taken from a `Proces` column. */
  process: text('process'),
  currentVersion: integer('current_version').notNull(),
  /** Minimum group size k: counts below it are shown as "<k" to people (fine tables stay exact). */
  minGroupSize: integer('min_group_size').notNull().default(5),
  /** Years a case is kept after its last event (`ingest --retention-years`); null = no limit. */
  retentionYears: integer('retention_years'),
  /** Why the log is processed (`ingest --purpose`); required for a log with pseudonymised columns besides the case id. */
  purpose: text('purpose'),
  /** The legal basis of the processing, e.g. `GDPR art. 6(1)(e); LAB § 4` (`ingest --legal-basis`). */
  legalBasis: text('legal_basis'),
  /** The data controller (dataansvarlig), e.g. the municipality (`ingest --controller`). */
  controller: text('controller'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Outcome of a load as kept in `loads.status`. */
export type LoadStatus = 'stored' | 'unchanged' | 'failed';

/**
 * One load attempt and its report. `rowsRead = rowsAccepted + rowsDuplicates + rowsQuarantined`.
 * A `stored` load made `version` current; an `unchanged` one found the same content hash
 * as the current version and wrote nothing else; a `failed` one was rolled back.
 */
export const loads = sqliteTable(
  'loads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    log: text('log').notNull(),
    /** The version this load created (stored), or the current one it matched (unchanged). */
    version: integer('version'),
    process: text('process'),
    /** JSON array of the input file names (as given, without directories). */
    files: text('files').notNull(),
    /** sha256 over the bytes of every file, in order, plus the mapping and process. */
    contentHash: text('content_hash').notNull(),
    /** Total bytes of the input files. */
    bytes: integer('bytes'),
    /** Pseudonym of a fixed text under the load's key: shows whether later loads use the same key. */
    keyCheck: text('key_check'),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsAccepted: integer('rows_accepted').notNull().default(0),
    rowsDuplicates: integer('rows_duplicates').notNull().default(0),
    rowsQuarantined: integer('rows_quarantined').notNull().default(0),
    /** JSON object `{reason: count}` of the quarantined rows. */
    quarantinedByReason: text('quarantined_by_reason').notNull().default('{}'),
    cases: integer('cases').notNull().default(0),
    events: integer('events').notNull().default(0),
    firstTimestamp: integer('first_timestamp', { mode: 'timestamp_ms' }),
    lastTimestamp: integer('last_timestamp', { mode: 'timestamp_ms' }),
    status: text('status').$type<LoadStatus>().notNull(),
    /** One-line reason when `status = 'failed'`. */
    message: text('message'),
    /** JSON of what the loader did with each column (`ColumnRoles`), null when unknown. */
    columns: text('columns'),
    /** What the load did with exact duplicates: `drop`, `keep` (or `drop,keep` across formats); null before it was recorded. */
    duplicatePolicy: text('duplicate_policy'),
    /** Exact duplicates seen: dropped ones are `rows_duplicates`; kept ones are among `rows_accepted`. */
    identicalEvents: integer('identical_events').notNull().default(0),
    /** JSON array `[{process, activities, source}]`: the end activities that decided finished and open cases. */
    endActivities: text('end_activities'),
    /** Where they came from: `mapping`, `process`, `inferred` (comma-joined when processes differ). */
    endActivitiesSource: text('end_activities_source'),
    /** Lineage: JSON array `[{name, bytes, sha256}]` of the source files (names masked as `files`). */
    sourceFiles: text('source_files'),
    /** Lineage: the column mapping used (the mapping file, or the one guessed from the header), as JSON. */
    mapping: text('mapping'),
    /** Lineage: the rule catalogue attached (its name) and the SHA-256 of its text. */
    rulesName: text('rules_name'),
    rulesSha256: text('rules_sha256'),
    /** Lineage: the BPMN model attached (file name) and the SHA-256 of its bytes. */
    modelName: text('model_name'),
    modelSha256: text('model_sha256'),
    /** Lineage: who loaded it: `token:<name>` for an upload, `cli:<user>` for the command line. */
    loadedBy: text('loaded_by'),
  },
  (t) => [index('loads_log_idx').on(t.log, t.version), index('loads_hash_idx').on(t.contentHash)],
);

/**
 * Accepted events of the current version of each log, pseudonymised: `caseId` and `resource`
 * are keyed pseudonyms (`p_` + 16 hex), never clear values.
 */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey(),
    log: text('log').notNull(),
    version: integer('version').notNull(),
    /** Pseudonym of the case id. */
    caseId: text('case_id').notNull(),
    activity: text('activity').notNull(),
    timestamp: integer('timestamp', { mode: 'timestamp_ms' }).notNull(),
    endTimestamp: integer('end_timestamp', { mode: 'timestamp_ms' }),
    /** Pseudonym of the resource (caseworker), null when absent. */
    resource: text('resource'),
    lifecycle: text('lifecycle'),
    jobcenter: text('jobcenter'),
    /** The caseworker's team at the event (the mapping's `team` column), null when absent. */
    team: text('team'),
    /** JSON object of the event-level attributes (pseudonymised or CPR-masked), null when none; case-level ones are in `cases.attributes`. */
    attributes: text('attributes'),
  },
  (t) => [index('events_log_version_idx').on(t.log, t.version)],
);

/** Every rejected input row, with where and why; `raw` is pseudonymised and CPR-masked. */
export const quarantine = sqliteTable(
  'quarantine',
  {
    id: integer('id').primaryKey(),
    loadId: integer('load_id')
      .notNull()
      .references(() => loads.id, { onDelete: 'cascade' }),
    log: text('log').notNull(),
    version: integer('version').notNull(),
    file: text('file').notNull(),
    line: integer('line').notNull(),
    column: text('column'),
    reason: text('reason').notNull(),
    message: text('message').notNull(),
    raw: text('raw').notNull(),
  },
  (t) => [index('quarantine_log_idx').on(t.log, t.version), index('quarantine_load_idx').on(t.loadId)],
);

export type LogRow = typeof logs.$inferSelect;
export type LoadRow = typeof loads.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type QuarantineRow = typeof quarantine.$inferSelect;

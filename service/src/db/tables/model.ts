import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { histogramColumns } from './buckets';
import { fineHistogramColumns } from './fine-buckets';
import { insightColumns } from './insight-columns';

/**
 * The model tables of the data contract. Each row is at the grain (log, version, process,
 * jobcenter, period = month of case start in Europe/Copenhagen, ...) and holds counts and
 * sums only, so that any subset of rows adds up to exact numbers. Only the current version
 * of each log is kept. Readers page them by `id` (a primary-key range scan); the two large
 * tables, `steps` and `cases`, also carry one index on (log, jobcenter, period) so that a
 * filtered read or a jobcenter-limited token does not scan them. Ingest drops and rebuilds
 * these indexes around its bulk write (`withoutIndexes`).
 */
function grain() {
  return {
    id: integer('id').primaryKey(),
    log: text('log').notNull(),
    version: integer('version').notNull(),
    process: text('process').notNull(),
    jobcenter: text('jobcenter').notNull(),
    /** `YYYY-MM`, the month the case started (Europe/Copenhagen). */
    period: text('period').notNull(),
  };
}

/** Main table: one row per (grain, variant, step); see `shared/src/steps/types.ts`. */
export const steps = sqliteTable(
  'steps',
  {
    ...grain(),
    variantKey: text('variant_key').notNull(),
    stepIndex: integer('step_index').notNull(),
    fromActivity: text('from_activity').notNull(),
    toActivity: text('to_activity').notNull(),
    cases: integer('cases').notNull(),
    sumSeconds: real('sum_seconds').notNull(),
    ...histogramColumns(),
    ...fineHistogramColumns(),
    /** The variant's number in the whole log version: 1 = most cases (ties by sequence); 0 in rows written before it existed. */
    variantRank: integer('variant_rank').notNull().default(0),
    /** 1 when the variant ends with an end activity of its process (its cases are finished), 0 when they are open. */
    finished: integer('finished').notNull().default(1),
    ...insightColumns(),
  },
  (t) => [index('steps_scope_idx').on(t.log, t.jobcenter, t.period)],
);

/** One row per case: the case id is a pseudonym. Served to analysts and admins only. */
export const cases = sqliteTable(
  'cases',
  {
    ...grain(),
    caseId: text('case_id').notNull(),
    start: integer('start', { mode: 'timestamp_ms' }).notNull(),
    end: integer('end', { mode: 'timestamp_ms' }).notNull(),
    durationSeconds: real('duration_seconds').notNull(),
    events: integer('events').notNull(),
    variantKey: text('variant_key').notNull(),
    /** True when the last activity is not a known end activity of the process. */
    open: integer('open', { mode: 'boolean' }).notNull(),
    /** JSON object of the case-level attributes (pseudonymised or CPR-masked), null when none. */
    attributes: text('attributes'),
  },
  (t) => [index('cases_case_idx').on(t.caseId), index('cases_scope_idx').on(t.log, t.jobcenter, t.period)],
);

/** One row per (grain, variant): cases and summed case duration. */
export const variants = sqliteTable('variants', {
  ...grain(),
  variantKey: text('variant_key').notNull(),
  /** The activities joined with ' → '. */
  activities: text('activities').notNull(),
  /** The activities as a JSON array. */
  activitiesJson: text('activities_json').notNull(),
  length: integer('length').notNull(),
  cases: integer('cases').notNull(),
  sumSeconds: real('sum_seconds').notNull(),
  /** As `steps.variant_rank`. */
  variantRank: integer('variant_rank').notNull().default(0),
  /** As `steps.finished`. */
  finished: integer('finished').notNull().default(1),
});

/**
 * One row per (grain, activity). `repeats` counts events beyond the first of the activity in
 * a case; `selfLoops` counts directly-follows pairs (a, a). Processing and waiting sums are
 * over the activity instances where the log has start and complete events.
 */
export const activities = sqliteTable('activities', {
  ...grain(),
  activity: text('activity').notNull(),
  events: integer('events').notNull(),
  cases: integer('cases').notNull(),
  repeats: integer('repeats').notNull(),
  selfLoops: integer('self_loops').notNull(),
  instances: integer('instances').notNull().default(0),
  sumProcessingSeconds: real('sum_processing_seconds').notNull().default(0),
  sumWaitingSeconds: real('sum_waiting_seconds').notNull().default(0),
});

/** One row per (grain, directly-follows pair); START/END edges carry the start/end activities. */
export const edges = sqliteTable('edges', {
  ...grain(),
  fromActivity: text('from_activity').notNull(),
  toActivity: text('to_activity').notNull(),
  transitions: integer('transitions').notNull(),
  cases: integer('cases').notNull(),
  sumSeconds: real('sum_seconds').notNull(),
  ...histogramColumns(),
  ...fineHistogramColumns(),
});

/** One row per (log, version, process, jobcenter): the slicer values with their totals. */
export const jobcenters = sqliteTable('jobcenters', {
  id: integer('id').primaryKey(),
  log: text('log').notNull(),
  version: integer('version').notNull(),
  process: text('process').notNull(),
  jobcenter: text('jobcenter').notNull(),
  cases: integer('cases').notNull(),
  events: integer('events').notNull(),
});

/** One row per (log, version, process, jobcenter, period): the period slicer with totals. */
export const periods = sqliteTable('periods', {
  ...grain(),
  cases: integer('cases').notNull(),
  events: integer('events').notNull(),
  openCases: integer('open_cases').notNull(),
  sumSeconds: real('sum_seconds').notNull(),
});

export type StepDbRow = typeof steps.$inferSelect;
export type CaseDbRow = typeof cases.$inferSelect;
export type VariantDbRow = typeof variants.$inferSelect;
export type ActivityDbRow = typeof activities.$inferSelect;
export type EdgeDbRow = typeof edges.$inferSelect;
export type JobcenterDbRow = typeof jobcenters.$inferSelect;
export type PeriodDbRow = typeof periods.$inferSelect;

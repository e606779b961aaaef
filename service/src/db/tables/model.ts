import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { activityColumns, edgeColumns, grainColumns, jobcenterColumns, periodColumns, stepColumns, variantColumns } from './model-columns';

/**
 * The model tables of the data contract. Each row is at the grain (log, version, process,
 * jobcenter, period = month of case start in Europe/Copenhagen, ...) and holds counts and
 * sums only, so that any subset of rows adds up to exact numbers. Only the current version
 * of each log is kept. Readers page them by `id` (a primary-key range scan); the two large
 * tables, `steps` and `cases`, also carry one index on (log, jobcenter, period) so that a
 * filtered read or a jobcenter-limited token does not scan them. Ingest drops and rebuilds
 * these indexes around its bulk write (`withoutIndexes`). The columns are in `model-columns.ts`,
 * shared with the viewer-grade tables.
 */

/** Main table: one row per (grain, variant, step); see `shared/src/steps/types.ts`. */
export const steps = sqliteTable('steps', stepColumns(), (t) => [index('steps_scope_idx').on(t.log, t.jobcenter, t.period)]);

/** One row per case: the case id is a pseudonym. Served to analysts and admins only. */
export const cases = sqliteTable(
  'cases',
  {
    ...grainColumns(),
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
export const variants = sqliteTable('variants', variantColumns());

/**
 * One row per (grain, activity). `repeats` counts events beyond the first of the activity in
 * a case; `selfLoops` counts directly-follows pairs (a, a). Processing and waiting sums are
 * over the activity instances where the log has start and complete events.
 */
export const activities = sqliteTable('activities', activityColumns());

/** One row per (grain, directly-follows pair); START/END edges carry the start/end activities. */
export const edges = sqliteTable('edges', edgeColumns());

/** One row per (log, version, process, jobcenter): the slicer values with their totals. */
export const jobcenters = sqliteTable('jobcenters', jobcenterColumns());

/** One row per (log, version, process, jobcenter, period): the period slicer with totals. */
export const periods = sqliteTable('periods', periodColumns());

export type StepDbRow = typeof steps.$inferSelect;
export type CaseDbRow = typeof cases.$inferSelect;
export type VariantDbRow = typeof variants.$inferSelect;
export type ActivityDbRow = typeof activities.$inferSelect;
export type EdgeDbRow = typeof edges.$inferSelect;
export type JobcenterDbRow = typeof jobcenters.$inferSelect;
export type PeriodDbRow = typeof periods.$inferSelect;

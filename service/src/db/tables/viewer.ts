import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { histogramColumns } from './buckets';
import { fineHistogramColumns } from './fine-buckets';
import { insightColumns } from './insight-columns';

/**
 * The viewer-grade model: the model tables as viewer tokens get them. Built at load time from
 * the same cases as the exact tables (`precompute/viewer/`), with the same columns, but every row
 * holds at least k cases: rare variants of a cell are merged into "other variants", and cells
 * (process, jobcenter, month) still under k are merged upward (month to quarter, then into
 * "andre jobcentre", then by year, then all periods; cases that still make no group of k are left
 * out). Every figure a viewer reads is a sum of these rows, so no subtraction of two answers
 * reaches fewer than k cases. Analysts and admins read the exact tables.
 *
 * A new model table declares its viewer-grade form by adding a `viewer_<name>` table here with
 * the same columns and a builder in `precompute/viewer/registry.ts`; until it does, viewer
 * tokens are refused it (see `http/model/table-info.ts`).
 */
function grain() {
  return {
    id: integer('id').primaryKey(),
    log: text('log').notNull(),
    version: integer('version').notNull(),
    process: text('process').notNull(),
    jobcenter: text('jobcenter').notNull(),
    /** `YYYY-MM`, or `YYYY-Qn`, `YYYY` or `alle` for cells merged upward. */
    period: text('period').notNull(),
  };
}

/** Viewer-grade `steps`: kept variants per merged cell, and an "other variants" path per cell. */
export const viewerSteps = sqliteTable('viewer_steps', {
  ...grain(),
  variantKey: text('variant_key').notNull(),
  stepIndex: integer('step_index').notNull(),
  fromActivity: text('from_activity').notNull(),
  toActivity: text('to_activity').notNull(),
  cases: integer('cases').notNull(),
  sumSeconds: real('sum_seconds').notNull(),
  ...histogramColumns(),
  /** Pooled like `h00..h24`: every bucket holds 0 or at least k cases, its seconds summed over them. */
  ...fineHistogramColumns(),
  /** The variant's number among the variants a viewer sees (1 = most cases); "other variants" come last. */
  variantRank: integer('variant_rank').notNull().default(0),
  /** As `steps.finished`; for "other variants", 0 only when the cell shows all its cases as open. */
  finished: integer('finished').notNull().default(1),
  /** As in `steps`, summed from the same exact rows; a count under k shows 0 (see `shownInsight`); 0 on "other variants". */
  ...insightColumns(),
});

/** Viewer-grade `variants`. */
export const viewerVariants = sqliteTable('viewer_variants', {
  ...grain(),
  variantKey: text('variant_key').notNull(),
  activities: text('activities').notNull(),
  activitiesJson: text('activities_json').notNull(),
  length: integer('length').notNull(),
  cases: integer('cases').notNull(),
  sumSeconds: real('sum_seconds').notNull(),
  /** As `viewer_steps.variant_rank`. */
  variantRank: integer('variant_rank').notNull().default(0),
  /** As `viewer_steps.finished`. */
  finished: integer('finished').notNull().default(1),
});

/** Viewer-grade `activities`: from the cases of kept variants only. */
export const viewerActivities = sqliteTable('viewer_activities', {
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

/** Viewer-grade `edges`, summed from `viewer_steps`. */
export const viewerEdges = sqliteTable('viewer_edges', {
  ...grain(),
  fromActivity: text('from_activity').notNull(),
  toActivity: text('to_activity').notNull(),
  transitions: integer('transitions').notNull(),
  cases: integer('cases').notNull(),
  sumSeconds: real('sum_seconds').notNull(),
  ...histogramColumns(),
  ...fineHistogramColumns(),
});

/** Viewer-grade `jobcenters`: sums of the merged cells. */
export const viewerJobcenters = sqliteTable('viewer_jobcenters', {
  id: integer('id').primaryKey(),
  log: text('log').notNull(),
  version: integer('version').notNull(),
  process: text('process').notNull(),
  jobcenter: text('jobcenter').notNull(),
  cases: integer('cases').notNull(),
  events: integer('events').notNull(),
});

/** Viewer-grade `periods`: one row per merged cell. */
export const viewerPeriods = sqliteTable('viewer_periods', {
  ...grain(),
  cases: integer('cases').notNull(),
  events: integer('events').notNull(),
  openCases: integer('open_cases').notNull(),
  sumSeconds: real('sum_seconds').notNull(),
});

/**
 * One row per (log, version): the k the viewer model was built with and what it cost: cases
 * whose cell was merged upward, cases in "other variants" rows, and cases left out.
 */
export const viewerBuilds = sqliteTable('viewer_builds', {
  log: text('log').primaryKey(),
  version: integer('version').notNull(),
  k: integer('k').notNull(),
  cases: integer('cases').notNull(),
  mergedCellCases: integer('merged_cell_cases').notNull(),
  otherVariantCases: integer('other_variant_cases').notNull(),
  suppressedCases: integer('suppressed_cases').notNull(),
});

export type ViewerBuildRow = typeof viewerBuilds.$inferSelect;

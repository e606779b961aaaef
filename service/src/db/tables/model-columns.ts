import { integer, real, text } from 'drizzle-orm/sqlite-core';
import { histogramColumns } from './buckets';
import { fineHistogramColumns } from './fine-buckets';
import { insightColumns } from './insight-columns';

/**
 * The columns of the model tables, one function per table, shared by the exact tables
 * (`model.ts`) and their viewer-grade forms (`viewer.ts`), which have the same columns by
 * design: a reader (OData, CSV, REST, the visual) reads either under the same names. Each call
 * returns new column builders, as drizzle binds a builder to the table it is used in.
 */

/**
 * (log, version, process, jobcenter, period): the grain every model row is at. `period` is
 * `YYYY-MM`, the month the case started (Europe/Copenhagen); in the viewer-grade tables also
 * `YYYY-Qn`, `YYYY` or `alle` for cells merged upward.
 */
export function grainColumns() {
  return {
    id: integer('id').primaryKey(),
    log: text('log').notNull(),
    version: integer('version').notNull(),
    process: text('process').notNull(),
    jobcenter: text('jobcenter').notNull(),
    period: text('period').notNull(),
  };
}

/** `steps`: one row per (grain, variant, step); see `shared/src/steps/types.ts`. */
export function stepColumns() {
  return {
    ...grainColumns(),
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
  };
}

/** `variants`: one row per (grain, variant) with its cases and summed case duration. */
export function variantColumns() {
  return {
    ...grainColumns(),
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
  };
}

/**
 * `activities`: one row per (grain, activity). `repeats` counts events beyond the first of the
 * activity in a case; `selfLoops` counts directly-follows pairs (a, a). Processing and waiting
 * sums are over the activity instances where the log has start and complete events.
 */
export function activityColumns() {
  return {
    ...grainColumns(),
    activity: text('activity').notNull(),
    events: integer('events').notNull(),
    cases: integer('cases').notNull(),
    repeats: integer('repeats').notNull(),
    selfLoops: integer('self_loops').notNull(),
    instances: integer('instances').notNull().default(0),
    sumProcessingSeconds: real('sum_processing_seconds').notNull().default(0),
    sumWaitingSeconds: real('sum_waiting_seconds').notNull().default(0),
  };
}

/** `edges`: one row per (grain, directly-follows pair); START/END edges carry the start/end activities. */
export function edgeColumns() {
  return {
    ...grainColumns(),
    fromActivity: text('from_activity').notNull(),
    toActivity: text('to_activity').notNull(),
    transitions: integer('transitions').notNull(),
    cases: integer('cases').notNull(),
    sumSeconds: real('sum_seconds').notNull(),
    ...histogramColumns(),
    ...fineHistogramColumns(),
  };
}

/** `jobcenters`: one row per (log, version, process, jobcenter), the slicer values with their totals. */
export function jobcenterColumns() {
  return {
    id: integer('id').primaryKey(),
    log: text('log').notNull(),
    version: integer('version').notNull(),
    process: text('process').notNull(),
    jobcenter: text('jobcenter').notNull(),
    cases: integer('cases').notNull(),
    events: integer('events').notNull(),
  };
}

/** `periods`: one row per (grain), the period slicer with its totals. */
export function periodColumns() {
  return {
    ...grainColumns(),
    cases: integer('cases').notNull(),
    events: integer('events').notNull(),
    openCases: integer('open_cases').notNull(),
    sumSeconds: real('sum_seconds').notNull(),
  };
}

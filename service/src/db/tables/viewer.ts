import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { activityColumns, edgeColumns, jobcenterColumns, periodColumns, stepColumns, variantColumns } from './model-columns';

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

/**
 * Viewer-grade `steps`: kept variants per merged cell, and an "other variants" path per cell.
 * The histograms are pooled so that every bucket holds 0 or at least k cases (its seconds summed
 * over them); `variant_rank` numbers the variants a viewer sees ("other variants" last);
 * `finished` of "other variants" is 0 only when the cell shows all its cases as open; the
 * insight columns are summed from the same exact rows, a count under k shows 0.
 */
export const viewerSteps = sqliteTable('viewer_steps', stepColumns());

/** Viewer-grade `variants`. */
export const viewerVariants = sqliteTable('viewer_variants', variantColumns());

/** Viewer-grade `activities`: from the cases of kept variants only. */
export const viewerActivities = sqliteTable('viewer_activities', activityColumns());

/** Viewer-grade `edges`, summed from `viewer_steps`. */
export const viewerEdges = sqliteTable('viewer_edges', edgeColumns());

/** Viewer-grade `jobcenters`: sums of the merged cells. */
export const viewerJobcenters = sqliteTable('viewer_jobcenters', jobcenterColumns());

/** Viewer-grade `periods`: one row per merged cell. */
export const viewerPeriods = sqliteTable('viewer_periods', periodColumns());

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

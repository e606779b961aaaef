import { index, sqliteTable } from 'drizzle-orm/sqlite-core';
import { complianceColumns } from './compliance';
import { conformanceActivityColumns, conformanceVariantColumns } from './conformance';

/**
 * The viewer-grade forms of the analysis tables (rule compliance and conformance), with the
 * same columns as the exact ones, built after the load's analyses from the same cell decisions
 * as the viewer-grade model (`precompute/viewer/`): each case counts in its viewer cell
 * (process, jobcenter, period, where merged cells read `YYYY-Qn`, `YYYY`, `alle perioder` and
 * `andre jobcentre`), and every row holds at least k cases. `case_compliance` and
 * `conformance_cases` have no viewer form (case level, analysts only).
 */

/**
 * Viewer-grade `compliance`: per (viewer cell, rule, status). `month` is the period of the
 * case's viewer cell (the month the case started, merged upward like the model), not the month
 * of the rule's anchor. Statuses of fewer than k cases in a cell are merged into one row of
 * status `other` (together with the next smallest status when they are still under k), whose
 * days late are not given (0).
 */
export const viewerCompliance = sqliteTable('viewer_compliance', complianceColumns(), (t) => [
  index('viewer_compliance_scope_idx').on(t.log, t.jobcenter, t.month),
]);

/**
 * Viewer-grade `conformance_variants`: the closed cases of the variants a viewer sees as
 * themselves, per viewer cell (all cases of such a row share their alignment and replay, so
 * every count in it is 0 or all of its cases). Cases of "other variants" are not in it.
 */
export const viewerConformanceVariants = sqliteTable('viewer_conformance_variants', conformanceVariantColumns(), (t) => [
  index('viewer_conformance_variants_scope_idx').on(t.log, t.jobcenter, t.period),
]);

/** Viewer-grade `conformance_activities`: sums of the rows of `viewer_conformance_variants`. */
export const viewerConformanceActivities = sqliteTable('viewer_conformance_activities', conformanceActivityColumns());

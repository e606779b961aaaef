import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Rule compliance of a log version (issue 7). The catalogue a version was checked against is
 * stored with it (`rule_catalogues`, with its YAML text), its rules are listed in `rules`,
 * and the results are stored as additive counts at the grain (log, version, process,
 * jobcenter, month of the anchor, rule, status) in `compliance`, and per case (analysts and
 * admins only) in `case_compliance`. Versioned like the model tables.
 */

/** The catalogue attached to a log version: its id, process, as-of date and YAML text. */
export const ruleCatalogues = sqliteTable('rule_catalogues', {
  id: integer('id').primaryKey(),
  log: text('log').notNull(),
  version: integer('version').notNull(),
  catalogue: text('catalogue').notNull(),
  process: text('process'),
  /** `YYYY-MM-DD`: only events up to this local date counted. */
  asOf: text('as_of'),
  /** The catalogue file as given (YAML). */
  text: text('text').notNull(),
});

/** One row per rule of the attached catalogue: what it says and where it comes from. */
export const rules = sqliteTable('rules', {
  id: integer('id').primaryKey(),
  log: text('log').notNull(),
  version: integer('version').notNull(),
  catalogue: text('catalogue').notNull(),
  rule: text('rule').notNull(),
  titleDa: text('title_da').notNull(),
  titleEn: text('title_en').notNull(),
  source: text('source').notNull(),
  /** `law`, `agreement` or `illustrative`. */
  basis: text('basis').notNull(),
  kind: text('kind').notNull(),
  /** Portfolio target per jobcenter (0..1), null when none. */
  share: real('share'),
  validFrom: text('valid_from'),
  validTo: text('valid_to'),
});

/** The columns of `compliance` (and its viewer-grade form), see the table below. */
export function complianceColumns() {
  return {
    id: integer('id').primaryKey(),
    log: text('log').notNull(),
    version: integer('version').notNull(),
    process: text('process').notNull(),
    jobcenter: text('jobcenter').notNull(),
    /** `YYYY-MM`, the month of the case's anchor under the rule (local date). */
    month: text('month').notNull(),
    rule: text('rule').notNull(),
    /** `fulfilled`, `violated`, `pending` or `notApplicable`. */
    status: text('status').notNull(),
    cases: integer('cases').notNull(),
    sumDaysLate: integer('sum_days_late').notNull(),
  };
}

/**
 * One row per (log, version, process, jobcenter, month of the anchor, rule, status): the
 * number of cases and the sum of their days late (violated `within` rules; 0 otherwise).
 * The compliance rate of any slice is sum(fulfilled) / (sum(fulfilled) + sum(violated)).
 */
export const compliance = sqliteTable('compliance', complianceColumns(), (t) => [
  index('compliance_scope_idx').on(t.log, t.jobcenter, t.month),
]);

/** One row per (case, rule) where the rule applied (notApplicable is not stored). Analysts and admins only. */
export const caseCompliance = sqliteTable(
  'case_compliance',
  {
    id: integer('id').primaryKey(),
    log: text('log').notNull(),
    version: integer('version').notNull(),
    process: text('process').notNull(),
    jobcenter: text('jobcenter').notNull(),
    month: text('month').notNull(),
    /** The case id (a pseudonym). */
    caseId: text('case_id').notNull(),
    rule: text('rule').notNull(),
    status: text('status').notNull(),
    /** Days late of a violated `within` rule, else null. */
    daysLate: integer('days_late'),
  },
  (t) => [index('case_compliance_scope_idx').on(t.log, t.jobcenter, t.month)],
);

export type RuleCatalogueDbRow = typeof ruleCatalogues.$inferSelect;
export type RuleDbRow = typeof rules.$inferSelect;
export type ComplianceDbRow = typeof compliance.$inferSelect;
export type CaseComplianceDbRow = typeof caseCompliance.$inferSelect;

import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The findings of the current version of each log, precomputed at ingest (`precomputeFindings`).
 * `jobcenter` is the scope a finding was computed on: '' = all cases of the process (a token
 * limited to jobcenters never sees these rows), otherwise only that jobcenter's cases. A
 * finding keeps its `finding_id` from load to load; `status` says whether it is `new` in this
 * version, still `open`, or `resolved` (found in the previous version, gone now).
 */
export const findings = sqliteTable(
  'findings',
  {
    id: integer('id').primaryKey(),
    log: text('log').notNull(),
    version: integer('version').notNull(),
    process: text('process').notNull(),
    /** Scope: '' = all jobcenters, else the one jobcenter the finding was computed on. */
    jobcenter: text('jobcenter').notNull(),
    /** Stable id (`F` + 16 hex digits). */
    findingId: text('finding_id').notNull(),
    /** bottleneck, rule-violation, model-deviation, best-practice or automation-candidate. */
    kind: text('kind').notNull(),
    /** 1 = most important within its kind and scope. */
    rank: integer('rank').notNull(),
    status: text('status').$type<'new' | 'open' | 'resolved'>().notNull(),
    /** The version the finding was first seen in. */
    firstVersion: integer('first_version').notNull(),
    activity: text('activity'),
    fromActivity: text('from_activity'),
    toActivity: text('to_activity'),
    rule: text('rule'),
    /** Cases the finding rests on (at least the minimum group size). */
    cases: integer('cases').notNull(),
    /** Estimated yearly value, DKK. */
    valueDkk: real('value_dkk').notNull(),
    /** JSON object of the figures (durations in ms, shares 0..1). */
    evidence: text('evidence').notNull(),
    summaryEn: text('summary_en').notNull(),
    summaryDa: text('summary_da').notNull(),
  },
  (t) => [index('findings_scope_idx').on(t.log, t.jobcenter)],
);

/** The cases behind each finding of the current version (case level: analysts only). */
export const findingCases = sqliteTable(
  'finding_cases',
  {
    id: integer('id').primaryKey(),
    log: text('log').notNull(),
    version: integer('version').notNull(),
    process: text('process').notNull(),
    /** The finding's scope (see `findings.jobcenter`). */
    jobcenter: text('jobcenter').notNull(),
    findingId: text('finding_id').notNull(),
    /** Pseudonym of the case. */
    caseId: text('case_id').notNull(),
  },
  (t) => [index('finding_cases_idx').on(t.log, t.findingId)],
);

export type FindingDbRow = typeof findings.$inferSelect;
export type FindingCaseDbRow = typeof findingCases.$inferSelect;

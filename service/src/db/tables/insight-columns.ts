import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * The insight columns of a step row (`steps`, `viewer_steps`; migration 0017), written after the
 * model by the compliance, conformance and findings precomputes (see `shared/src/steps/step-insight.ts`
 * for their exact meaning). Counts are additive like `cases`; the two text columns name what
 * the counts are about and hold no counts, so Power BI can group rows by them.
 */
export function insightColumns() {
  return {
    /** Cases of the row with a rule violation at the event this step arrives at. */
    violationCases: integer('violation_cases').notNull().default(0),
    /** JSON array of `{rule, da, en}` of the rules violated there; null when none. */
    violatedRules: text('violated_rules'),
    /** Cases of the row whose alignment has a log move on the event this step arrives at. */
    logMoveCases: integer('log_move_cases').notNull().default(0),
    /** Cases of the row whose alignment skips a model activity during this step. */
    modelMoveCases: integer('model_move_cases').notNull().default(0),
    /** JSON array of the skipped model activities; null when none. */
    skippedActivities: text('skipped_activities'),
    /**
     * On step 0 of a variant: JSON array of the top findings (`{id, kind, da, en}`, at most 3, most
     * valuable first) of the row's jobcenter that concern the variant; null otherwise (`writeStepFindings`).
     */
    findings: text('findings'),
  };
}

/** The column names of `insightColumns`, in order. */
export const INSIGHT_COLUMNS = [
  'violation_cases',
  'violated_rules',
  'log_move_cases',
  'model_move_cases',
  'skipped_activities',
  'findings',
] as const;

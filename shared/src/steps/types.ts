import type { FineHistogram } from '../histogram/fine-buckets';

/**
 * The step model: the grain of the service's main table and the visual's main input.
 *
 * Every case of a variant is a path START -> a1 -> a2 -> ... -> an -> END. Step i of a
 * variant is the transition from its i-th to its (i+1)-th node: step 0 is
 * (START, a1) with 0 seconds, step n is (an, END) with 0 seconds, and step k in 1..n-1 is
 * (ak, ak+1) with the seconds between the two events. Summing rows:
 * - group by variant, take step 0: the cases of the variant;
 * - group by variant, sum seconds: the total case duration of the variant;
 * - group by (from, to): the transitions of the process map (START/END rows give the
 *   start and end activities).
 *
 * The histograms of step k in 1..n-1 count the seconds of that step; step 0 counts 0 s;
 * step n (the END step) counts each case's duration (first to last event), so that
 * grouping END rows by variant, or adding all of them, gives the case-duration histogram
 * for medians and percentiles of throughput time. Its `sumSeconds` stays 0, so summed
 * seconds still add up to the total case duration. (Tables written before the fine
 * histogram existed have no `fine` and count 0 s on the END step too.)
 */
export const STEP_START = '▶ start';
export const STEP_END = '■ end';

/** One row of the step table at the finest grain the mining core produces. */
export interface StepRow {
  /** Stable key of the variant: see `variantKey`. */
  variantKey: string;
  stepIndex: number;
  from: string;
  to: string;
  cases: number;
  /** Summed seconds of this step over its cases. */
  sumSeconds: number;
  /** Counts per coarse duration bucket (length `BUCKET_COUNT`). */
  histogram: number[];
  /** Counts and summed seconds per fine duration bucket; absent in tables written before it existed. */
  fine?: FineHistogram;
  /**
   * The variant's number in the whole log version: 1 for the variant with the most cases (ties
   * by activity sequence), the same in every row of the variant under every slicer; absent
   * in tables written before it existed.
   */
  variantRank?: number;
  /**
   * True when the row's cases are finished (the variant ends with an end activity of its
   * process), false when they are open; absent when unknown.
   */
  finished?: boolean;
  /** Cases of the row with a rule violation at the event this step arrives at (`StepInsight`); absent when not bound. */
  violationCases?: number;
  /** The rules violated there: the `violated_rules` text (`readRuleNames`); absent when none. */
  violatedRules?: string;
  /** Cases of the row whose alignment has a log move on the event this step arrives at. */
  logMoveCases?: number;
  /** Cases of the row whose alignment skips a model activity during this step. */
  modelMoveCases?: number;
  /** The skipped model activities: the `skipped_activities` text (`readActivityNames`); absent when none. */
  skippedActivities?: string;
  /** On step 0: the variant's top findings, the `findings` text (`readFindingNotes`); absent when none. */
  findings?: string;
}

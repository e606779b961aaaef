import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { grainColumns } from './model-columns';

/**
 * Conformance of a log version to the BPMN model attached at load time (`ingest --model`
 * or `--process`), at the grain of the data contract (log, version, process, jobcenter,
 * period = month of case start). Counts and sums only, so any subset adds up:
 * log fitness = 1 - sum(sum_cost) / sum(sum_max_cost); average trace fitness =
 * sum(sum_fitness) / sum(aligned_cases); fitting share = sum(fitting_cases) / sum(aligned_cases);
 * token-replay fitness = ½(1 - Σmissing/Σconsumed) + ½(1 - Σremaining/Σproduced).
 */

/** The model attached to a log version: its file name and size. Holds no counts of cases. */
export const conformanceModels = sqliteTable('conformance_models', {
  id: integer('id').primaryKey(),
  log: text('log').notNull(),
  version: integer('version').notNull(),
  /** The BPMN file name (without directories). */
  model: text('model').notNull(),
  tasks: integer('tasks').notNull(),
  places: integer('places').notNull(),
  transitions: integer('transitions').notNull(),
  /** Visible steps of the model's shortest complete run. */
  shortestRun: integer('shortest_run').notNull(),
  /** JSON array: model tasks no event of the log carries. */
  modelTasksNotInLog: text('model_tasks_not_in_log').notNull(),
  /** JSON array: log activities the model does not know. */
  logActivitiesNotInModel: text('log_activities_not_in_model').notNull(),
});

/** The columns of `conformance_variants` (and its viewer-grade form): alignment and token-replay sums of a variant's cases. */
export function conformanceVariantColumns() {
  return {
    ...grainColumns(),
    variantKey: text('variant_key').notNull(),
    cases: integer('cases').notNull(),
    /** Cases whose alignment finished within the search budget (the others count in no sum below). */
    alignedCases: integer('aligned_cases').notNull(),
    sumFitness: real('sum_fitness').notNull(),
    fittingCases: integer('fitting_cases').notNull(),
    /** Sum of alignment costs (log moves + visible model moves). */
    sumCost: integer('sum_cost').notNull(),
    /** Sum of |trace| + the model's shortest run: the cost of aligning nothing. */
    sumMaxCost: integer('sum_max_cost').notNull(),
    sumProduced: integer('sum_produced').notNull(),
    sumConsumed: integer('sum_consumed').notNull(),
    sumMissing: integer('sum_missing').notNull(),
    sumRemaining: integer('sum_remaining').notNull(),
    tokenFittingCases: integer('token_fitting_cases').notNull(),
  };
}

/** One row per (grain, variant): alignment and token-replay sums over its cases. */
export const conformanceVariants = sqliteTable('conformance_variants', conformanceVariantColumns(), (t) => [
  index('conformance_variants_scope_idx').on(t.log, t.jobcenter, t.period),
]);

/** The columns of `conformance_activities` (and its viewer-grade form): where the work left the model. */
export function conformanceActivityColumns() {
  return {
    ...grainColumns(),
    activity: text('activity').notNull(),
    /** Events done where the model does not allow them. */
    logMoves: integer('log_moves').notNull(),
    /** Steps the model requires that were skipped. */
    modelMoves: integer('model_moves').notNull(),
    logMoveCases: integer('log_move_cases').notNull(),
    modelMoveCases: integer('model_move_cases').notNull(),
  };
}

/** One row per (grain, activity): where the work left the model. */
export const conformanceActivities = sqliteTable('conformance_activities', conformanceActivityColumns());

/** One row per case (pseudonymised case id): its fitness and deviations. Analysts and admins only. */
export const conformanceCases = sqliteTable(
  'conformance_cases',
  {
    ...grainColumns(),
    caseId: text('case_id').notNull(),
    variantKey: text('variant_key').notNull(),
    /** Alignment trace fitness; null when the variant exceeded the search budget. */
    fitness: real('fitness'),
    cost: integer('cost'),
    logMoves: integer('log_moves'),
    modelMoves: integer('model_moves'),
    tokenFitness: real('token_fitness').notNull(),
    /** JSON array of the deviations in order, `{"kind":"log"|"model","activity":...}`; null over budget. */
    deviations: text('deviations'),
  },
  (t) => [index('conformance_cases_scope_idx').on(t.log, t.jobcenter, t.period)],
);

export type ConformanceModelRow = typeof conformanceModels.$inferSelect;
export type ConformanceVariantRow = typeof conformanceVariants.$inferSelect;
export type ConformanceActivityRow = typeof conformanceActivities.$inferSelect;
export type ConformanceCaseRow = typeof conformanceCases.$inferSelect;

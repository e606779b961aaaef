import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Team-level supervision (ledelsestilsyn, issue 15): figures per (log, version, process,
 * jobcenter, team) over the cases a team worked on (at least one event by the team) and the
 * caseworkers who did that work. Every row has at least k cases and at least k caseworkers;
 * teams below either are merged into one `øvrige teams` row per process and jobcenter, which
 * is left out when it is below either too. Counts are distinct within a row and do not add up
 * across teams (a case can pass through several teams). Figures per caseworker are never
 * stored here; they stay in `events` (admins only).
 */
export const teams = sqliteTable(
  'teams',
  {
    id: integer('id').primaryKey(),
    log: text('log').notNull(),
    version: integer('version').notNull(),
    process: text('process').notNull(),
    jobcenter: text('jobcenter').notNull(),
    /** The team, or `øvrige teams` for the teams below k merged. */
    team: text('team').notNull(),
    /** Distinct cases with at least one event by the team. */
    cases: integer('cases').notNull(),
    /** Distinct caseworkers (resources) among the team's events. */
    caseworkers: integer('caseworkers').notNull(),
    /** Events done by the team. */
    events: integer('events').notNull(),
    /** Of `cases`, those still open. */
    openCases: integer('open_cases').notNull(),
    /** Of `cases`, those finished; `sum_duration_seconds / finished_cases` is their mean throughput time. */
    finishedCases: integer('finished_cases').notNull(),
    sumDurationSeconds: real('sum_duration_seconds').notNull(),
  },
  (t) => [index('teams_scope_idx').on(t.log, t.jobcenter)],
);

export type TeamDbRow = typeof teams.$inferSelect;

/**
 * The BPMN model a log version was checked against, as its parsed graph and relabelled workflow
 * net (JSON), so that the conformance tables can be rebuilt after an erasure or retention
 * without the file. Not served over HTTP (the lineage names the model and its SHA-256).
 */
export const attachedModels = sqliteTable('attached_models', {
  id: integer('id').primaryKey(),
  log: text('log').notNull(),
  version: integer('version').notNull(),
  /** The model's file name (masked like the load's files). */
  name: text('name').notNull(),
  graph: text('graph').notNull(),
  net: text('net').notNull(),
  digest: text('digest').notNull(),
});

export type AttachedModelRow = typeof attachedModels.$inferSelect;

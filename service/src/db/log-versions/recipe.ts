import type Database from 'better-sqlite3';
import type { FindingsSettings } from '@sagsflow/shared';
import { latestStoredLoad, mappingEndActivities } from '../lineage-queries';
import { logHead } from '../log-queries';

/**
 * What the model tables of a log version were built with, kept so that the version can be
 * rebuilt when it is made current again: the precompute inputs a load takes from its options
 * and mapping file (the events and case attributes are kept separately). The rule catalogue and
 * BPMN model are stored as JSON; their types belong to the features that build from them
 * (`versions/recipe.ts` names them), so the SQL layer leaves them open.
 */
export interface VersionRecipe<Rules = unknown, Model = unknown> {
  process: string | null;
  minGroupSize: number;
  /** End activities given by the mapping file (they override the process's). */
  endActivities?: readonly string[];
  /** The case outcome the findings compare ways of working on. */
  outcome?: { attribute: string; success: readonly string[] };
  findings?: Partial<FindingsSettings>;
  /** The rule catalogue checked at load. */
  rules?: Rules;
  /** The BPMN model checked at load. */
  model?: Model;
  /** The version this one was appended to (`ingest --append`). */
  appendedTo?: number;
}

/** Records a stored version and its recipe (inside the load's transaction). */
export function recordVersion(
  sqlite: Database.Database,
  log: string,
  version: number,
  recipe: VersionRecipe,
  loadedBy: string | null,
): void {
  sqlite
    .prepare('INSERT OR REPLACE INTO log_versions (log, version, recipe, kept, loaded_by) VALUES (?, ?, ?, 1, ?)')
    .run(log, version, JSON.stringify(recipe), loadedBy);
}

/**
 * The recipe of a version: the recorded one, else (a version loaded before migration 0015) what
 * the database still knows: the log's process and k and the end activities its load was given.
 */
export function recipeOf(sqlite: Database.Database, log: string, version: number): VersionRecipe {
  const row = sqlite.prepare('SELECT recipe FROM log_versions WHERE log = ? AND version = ?').pluck().get(log, version) as
    string | undefined;
  if (row !== undefined) return JSON.parse(row) as VersionRecipe;
  const head = logHead(sqlite, log);
  const given = mappingEndActivities(latestStoredLoad(sqlite, log, version));
  return { process: head?.process ?? null, minGroupSize: head?.k ?? 5, ...(given ? { endActivities: given } : {}) };
}

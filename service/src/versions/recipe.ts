import type Database from 'better-sqlite3';
import type { LoadedModel } from '../conformance/load-model';
import { recipeOf, type VersionRecipe } from '../db/log-versions/index';
import type { AttachedCatalogue } from '../precompute/compliance';

/** A version's recipe with the rule catalogue and BPMN model typed as the load attached them. */
export type BuildRecipe = VersionRecipe<AttachedCatalogue, LoadedModel>;

/**
 * The recipe a version's tables are rebuilt with. The stored JSON was written by the load
 * (`keepVersion`) from an `AttachedCatalogue` and a `LoadedModel`, so it reads back as those.
 */
export function buildRecipeOf(sqlite: Database.Database, log: string, version: number): BuildRecipe {
  return recipeOf(sqlite, log, version) as BuildRecipe;
}

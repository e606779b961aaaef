export { seedAppend } from './append-seed';
export type { AppendSeed } from './append-seed';
export { listVersions } from './list-versions';
export type { VersionInfo } from './list-versions';
export { addStoredEvents, buildVersionTables } from './rebuild';
export { buildRecipeOf } from './recipe';
export type { BuildRecipe } from './recipe';
export { rollbackVersion, RollbackError } from './rollback';
export type { RollbackResult } from './rollback';

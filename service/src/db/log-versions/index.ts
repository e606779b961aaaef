export { archiveVersion, DEFAULT_KEEP_VERSIONS, nextVersion, pruneVersions } from './archive';
export { listVersions } from './list-versions';
export type { VersionInfo } from './list-versions';
export { recipeOf, recordVersion } from './recipe';
export type { VersionRecipe } from './recipe';
export { addStoredEvents, buildVersionTables, storedCases } from './rebuild';
export { rollbackVersion, RollbackError } from './rollback';
export type { RollbackResult } from './rollback';

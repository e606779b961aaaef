export { archiveVersion, DEFAULT_KEEP_VERSIONS, isArchived, nextVersion, pruneVersions, restoreArchivedVersion } from './archive';
export { isStoredVersion, setCurrentVersion } from './current';
export { storedVersionRows } from './list-rows';
export type { StoredVersionRow } from './list-rows';
export { recipeOf, recordVersion } from './recipe';
export type { VersionRecipe } from './recipe';
export { storedCases, storedEventRows } from './stored-events';
export type { StoredCase, StoredEventRow } from './stored-events';

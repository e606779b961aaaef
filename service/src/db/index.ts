/**
 * The Sagsflow store: open a database (`openDatabase`, migrations applied), the drizzle
 * schema, version housekeeping and small shared queries.
 */
export { openDatabase, DEFAULT_OPEN_OPTIONS } from './client';
export type { OpenDatabaseOptions, SagsflowDatabase, SagsflowDb } from './client';
export { applyMigrations, MIGRATIONS_FOLDER } from './migrate';
export { deleteLog, deleteLogVersion, VERSIONED_TABLES } from './versions';
export { currentVersion, jobcenterScope, logTotals } from './queries';
export type { LogTotals, SqlFragment } from './queries';
export { createBatchInserter, withoutIndexes } from './batch-insert';
export type { BatchInserter, SqlValue } from './batch-insert';
export * as schema from './schema';

import type Database from 'better-sqlite3';
import { createBatchInserter, dropIndexes, type BatchInserter } from './batch-insert';

/** The `events` columns a load writes per event, in the order of `StoredEventFields` (log and version are per load). */
export const EVENT_COLUMNS = ['case_id', 'activity', 'timestamp', 'end_timestamp', 'resource', 'lifecycle', 'jobcenter', 'attributes'];

/** The `quarantine` columns a load writes per rejected row (load id, log and version are per load). */
export const QUARANTINE_COLUMNS = ['file', 'line', 'column', 'reason', 'message', 'raw'];

/** The text columns of `EVENT_COLUMNS`. */
const EVENT_TEXT_COLUMNS = ['case_id', 'activity', 'resource', 'lifecycle', 'jobcenter', 'attributes'];

/**
 * The batched inserter of a load's accepted events into `events` (values in `EVENT_COLUMNS`
 * order; a text column as a string or its UTF-8 bytes), on the load's connection and inside its
 * transaction.
 */
export function createEventInserter(sqlite: Database.Database, load: { log: string; version: number }): BatchInserter {
  return createBatchInserter(sqlite, 'events', EVENT_COLUMNS, {
    constants: { log: load.log, version: load.version },
    textColumns: EVENT_TEXT_COLUMNS,
  });
}

/** The batched inserter of a load's quarantine rows (values in `QUARANTINE_COLUMNS` order). */
export function createQuarantineInserter(sqlite: Database.Database, load: { loadId: number; log: string; version: number }): BatchInserter {
  return createBatchInserter(sqlite, 'quarantine', QUARANTINE_COLUMNS, {
    constants: { load_id: load.loadId, log: load.log, version: load.version },
  });
}

/**
 * For a load into an empty `events` table (a new database, or every log deleted): drops the
 * table's indexes for the bulk write and returns the function that rebuilds them, one sort
 * instead of a B-tree update per row. With rows in the table it keeps them (a rebuild would sort
 * those rows too) and returns a no-op. Call inside the load's transaction.
 */
export function deferEventIndexes(sqlite: Database.Database): () => void {
  const empty = sqlite.prepare('SELECT NOT EXISTS (SELECT 1 FROM events)').pluck().get() === 1;
  return empty ? dropIndexes(sqlite, ['events']) : () => undefined;
}

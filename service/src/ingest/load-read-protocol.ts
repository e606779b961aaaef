import type { ColumnMapping, ReadCounts } from '../readers/index';
import type { LoadCounts, QuarantineRow } from './load-sink';

/** Events in one batch from the load's reader worker. */
export const BATCH_EVENTS = 8192;
/** Batches the worker may post ahead of the storing thread before it waits. */
export const MAX_UNSTORED_BATCHES = 8;

/** What the reader worker of a load is asked to read. */
export interface LoadReadRequest {
  files: string[];
  mapping: ColumnMapping | undefined;
  /** The pseudonymisation key. */
  secret: Uint8Array;
  /** The mapping's `pseudonymize` columns (with and without `case:`). */
  personalColumns: string[];
  /** One Int32: batches posted and not yet stored. */
  unstored: SharedArrayBuffer;
}

/**
 * Cleaned rows in input order: event `i` has `caseId[i]`, ... (`endTimestamp[i]` NaN = none);
 * `caseAttributes` holds triples (event index, key, value), each for the case of that event.
 */
export interface EventBatch {
  size: number;
  caseId: string[];
  activity: string[];
  timestamp: Float64Array;
  endTimestamp: Float64Array;
  resource: (string | null)[];
  lifecycle: (string | null)[];
  jobcenter: (string | null)[];
  attributes: (string | null)[];
  caseAttributes: (number | string)[];
  quarantine: QuarantineRow[];
}

/** Messages of the reader worker, in order: batches and progress, `file` after each file, then `done` or `failed`. */
export type LoadReadMessage =
  | { type: 'batch'; batch: EventBatch }
  | { type: 'progress'; fileIndex: number; bytes: number }
  | { type: 'file'; fileIndex: number; rows: ReadCounts; counts: LoadCounts }
  | { type: 'done'; counts: LoadCounts }
  | { type: 'failed'; message: string; readError: boolean };

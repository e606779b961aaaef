import type { ColumnMapping, ReadReport } from '../readers/index';
import type { LoadCounts, QuarantineRow } from './load-sink';

/** Events in one batch from the load's reader worker. */
export const BATCH_EVENTS = 8192;
/** Batches the worker may post ahead of the storing thread before it waits. */
export const MAX_UNSTORED_BATCHES = 8;

/** What the reader worker of a load is asked to read. */
export interface LoadReadRequest {
  files: string[];
  mapping: ColumnMapping | undefined;
  /** As `ReadOptions.keepDuplicates` (undefined: the format's default). */
  keepDuplicates: boolean | undefined;
  /** The pseudonymisation key. */
  secret: Uint8Array;
  /** The mapping's `pseudonymize` columns (with and without `case:`). */
  personalColumns: string[];
  /** The mapping's `freeText` columns (with and without `case:`): their free text is stored, scrubbed. */
  freeText: string[];
  /** The files' names (CPR already masked), scrubbed at the end with the values the load pseudonymised. */
  fileNames: string[];
  /** One Int32: batches posted and not yet stored. */
  unstored: SharedArrayBuffer;
}

/**
 * Cleaned rows in input order. Text columns that repeat (case, activity, resource, lifecycle,
 * jobcenter, the attributes' JSON) are sent as codes into `strings`, the batch's own dictionary
 * (-1 = null), so a value crosses the thread boundary once per batch: event `i` has case `strings[caseId[i]]`,
 * ... (`endTimestamp[i]` NaN = none). Case ids are in clear: the storing thread pseudonymises
 * them. `caseAttributes` holds quadruples (event index, key, value, clear), each for the case of
 * that event; `clear` 1: the value is still to be pseudonymised.
 */
export interface EventBatch {
  size: number;
  strings: string[];
  caseId: Int32Array;
  activity: Int32Array;
  resource: Int32Array;
  lifecycle: Int32Array;
  jobcenter: Int32Array;
  attributes: Int32Array;
  timestamp: Float64Array;
  endTimestamp: Float64Array;
  caseAttributes: (number | string)[];
  quarantine: QuarantineRow[];
}

/** What the reader worker tells of each file read. */
export type FileResult = Pick<ReadReport, 'rows' | 'duplicatePolicy' | 'identical' | 'mapping' | 'columns' | 'mappingGuessed'>;

/** Messages of the reader worker, in order: batches and progress, `file` after each file, then `done` or `failed`. */
export type LoadReadMessage =
  | { type: 'batch'; batch: EventBatch }
  | { type: 'progress'; fileIndex: number; bytes: number }
  | { type: 'file'; fileIndex: number; result: FileResult; counts: LoadCounts }
  | { type: 'done'; counts: LoadCounts; fileNames: string[] }
  | { type: 'failed'; message: string; readError: boolean };

import type { ColumnMapping, ReadReport } from '../readers/index';
import type { LoadCounts, QuarantineRow } from './load-sink';

/** Events in one batch from the load's reader worker. */
export const BATCH_EVENTS = 8192;
/**
 * Events in the worker's first batch: the loading thread idles until it comes, and the worker's
 * code is not yet compiled for it, so a smaller one reaches the loading thread sooner.
 */
export const FIRST_BATCH_EVENTS = 1024;
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
 * Cleaned rows in input order, as codes. Values that repeat (case id, activity, resource,
 * lifecycle, jobcenter, case-attribute keys and values) are coded into the load's dictionary: a
 * string crosses the thread boundary in the batch where it first occurs (`names`, appended in
 * order: code = entries before this batch + index; -1 = null), once per load, or for a clear
 * value (flagged in `namesClear`: a case id, a personal case-attribute value, which the storing
 * thread pseudonymises) once per batch, or each time for a case-attribute key whose values seldom
 * come back (a value may then have several codes, all with the same text). Other names are stored as they are. The attributes' JSON seldom
 * repeats beyond a case, so it is coded into `strings`, the batch's own dictionary. Event `i` has
 * case `caseId[i]`, ... (`endTimestamp[i]` NaN = none). `caseAttributes` holds `caseAttributeCount`
 * triples (event index, key code, value code), each for the case of that event.
 */
export interface EventBatch {
  size: number;
  names: string[];
  namesClear: Uint8Array;
  strings: string[];
  caseId: Int32Array;
  activity: Int32Array;
  resource: Int32Array;
  lifecycle: Int32Array;
  jobcenter: Int32Array;
  attributes: Int32Array;
  timestamp: Float64Array;
  endTimestamp: Float64Array;
  caseAttributes: Int32Array;
  caseAttributeCount: number;
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

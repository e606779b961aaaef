import type { ColumnMapping } from './mapping';
import type { ReadReport, Rejection } from './types';

/** What the events worker reads: one whole file. */
export interface EventsRequest {
  file: string;
  mapping: ColumnMapping | undefined;
  /** As `ReadOptions.keepDuplicates` (undefined: the format's default). */
  keepDuplicates: boolean | undefined;
}

/**
 * Events in input order: event `i` of the batch has case `caseOf[i]` (an index into every case
 * string sent so far, `newCases` appended to them), and so on; -1 = no resource or lifecycle.
 * The typed arrays may be longer than `size`.
 */
export interface EventsBatch {
  size: number;
  newCases: string[];
  newActivities: string[];
  newResources: string[];
  newLifecycles: string[];
  caseOf: Uint32Array;
  activityOf: Uint32Array;
  resourceOf: Int32Array;
  lifecycleOf: Int32Array;
  time: Float64Array;
  rejections: Rejection[];
}

/** Messages of the events worker, in order: batches and progress, then `done` or `failed`. */
export type EventsMessage =
  | { type: 'batch'; batch: EventsBatch }
  | { type: 'progress'; bytes: number; total: number }
  | { type: 'done'; report: ReadReport }
  | { type: 'failed'; message: string; readError: boolean };

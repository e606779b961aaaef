import type { RawEvent } from '../../../shared/src/index';

/** Where one input record ended up. Every record read lands in exactly one of these. */
export type RecordOutcome = 'accepted' | 'duplicate' | 'quarantined';

/** A record the reader could not turn into an event, with where and why. */
export interface Rejection {
  /** The input file as given by the user. */
  file: string;
  /** 1-based line of the record's first line (CSV), or the trace number (XES, 1-based). */
  line: number;
  /** The column (CSV header name / XES key) at fault, or null for the record as a whole. */
  column: string | null;
  /** Short machine-readable reason, e.g. `missing-case`, `bad-timestamp`, `column-count`. */
  reason: RejectionReason;
  /** Human-readable explanation quoting the bad value. */
  message: string;
  /** The raw record as read (CSV fields joined by the delimiter, or an XES snippet). */
  raw: string;
}

export type RejectionReason =
  | 'missing-case'
  | 'missing-activity'
  | 'missing-timestamp'
  | 'bad-timestamp'
  | 'column-count'
  | 'bad-encoding'
  | 'bad-record';

/** An accepted record: the event plus the raw field values (for pseudonymisation and storage). */
export interface AcceptedEvent {
  event: RawEvent;
  /** 1-based line (CSV) or trace number (XES) where the record started. */
  line: number;
  /** The end timestamp (epoch ms) when the mapping has `endTimestamp`, else null. */
  endTimestamp: number | null;
  /** The jobcenter value when the mapping has `jobcenter`, else null. */
  jobcenter: string | null;
}

/** Running counts of one read; `read === accepted + duplicates + quarantined` always. */
export interface ReadCounts {
  read: number;
  accepted: number;
  duplicates: number;
  quarantined: number;
}

/** Callbacks a reader drives while it streams a file. */
export interface ReadSink {
  onEvent(accepted: AcceptedEvent): void;
  onReject(rejection: Rejection): void;
  /** Called now and then with bytes consumed and total bytes (for a progress bar). */
  onProgress?(bytesRead: number, bytesTotal: number): void;
}

import type { GzipLimits } from './open-log';
import type { RawEvent } from '@sagsflow/shared';
import type { CsvHandOver } from './csv-reader';
import type { ColumnMapping } from './mapping';

/** Where one input record ended up. Every record read lands in exactly one of these. */
export type RecordOutcome = 'accepted' | 'duplicate' | 'quarantined';

/** A record the reader could not turn into an event, with where and why. */
export interface Rejection {
  /** The input file as given by the user. */
  file: string;
  /** 1-based line of the record's first line (CSV), or the trace number (XES, 1-based; 0 for an event outside any trace). */
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
  'missing-case' | 'missing-activity' | 'missing-timestamp' | 'bad-timestamp' | 'column-count' | 'bad-encoding' | 'bad-record';

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
  /** Called for each exact duplicate (counted, not emitted as an event). */
  onDuplicate?(line: number, raw: string): void;
  /** Called now and then with bytes consumed and total bytes (for a progress bar). */
  onProgress?(bytesRead: number, bytesTotal: number): void;
}

/** Input formats `readLog` understands (each also gzip-compressed). */
export type LogFormat = 'csv' | 'xes';

/** Options of `readLog`. */
export interface ReadOptions {
  /** Column mapping (CSV); for XES it may rename the keys read (defaults: the XES standard keys). */
  mapping?: ColumnMapping | undefined;
  sink: ReadSink;
  /** Overrides detection from the file name and content. */
  format?: LogFormat | undefined;
  /**
   * Emit exact duplicates (records identical in every field, or XES events identical in every
   * attribute to an earlier event of their trace) as events instead of counting them as
   * duplicates. Default: false for CSV (an extraction artefact of case-system exports), true
   * for XES (peers such as PM4Py, ProM and Disco count them, and published sizes include them).
   */
  keepDuplicates?: boolean | undefined;
  /** Limits on what a gzip file may unpack to (default `DEFAULT_GZIP_LIMITS`). */
  gzipLimits?: GzipLimits;
  /** Lets another reader take over the rest of an uncompressed CSV file (see `readEvents`). */
  split?: CsvHandOver | undefined;
}

/** What a read did with exact duplicates: dropped (counted in `rows.duplicates`) or kept as events. */
export type DuplicatePolicy = 'drop' | 'keep';

/** What one read did: the counts add up, `read === accepted + duplicates + quarantined`. */
export interface ReadReport {
  file: string;
  format: LogFormat;
  /** True when the file was gzip-compressed (detected from its magic bytes). */
  compressed: boolean;
  /** `utf-8`, `utf-8-bom` or `windows-1252` for CSV; the declared encoding for XES. */
  encoding: string;
  /** The detected CSV delimiter (`,` `;` or a tab); null for XES. */
  delimiter: string | null;
  /** The mapping in use with every default filled in (for XES: the keys read). */
  mapping: ColumnMapping;
  /** True when the mapping was guessed from the header rather than given. */
  mappingGuessed: boolean;
  /** The CSV header's column names; for XES, the keys the mapping reads. */
  columns: string[];
  rows: ReadCounts;
  /** Quarantined records per reason; the values add up to `rows.quarantined`. */
  quarantinedByReason: Partial<Record<RejectionReason, number>>;
  /** Bytes of the file as stored (compressed size for gzip). */
  bytes: number;
  /** Whether exact duplicates were dropped or kept (see `ReadOptions.keepDuplicates`). */
  duplicatePolicy: DuplicatePolicy;
  /** Exact duplicates seen: equal to `rows.duplicates` when dropped; when kept, how many of the accepted events are one. */
  identical: number;
}

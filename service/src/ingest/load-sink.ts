import type Database from 'better-sqlite3';
// The builder alone, not the mining core's index: the loading thread loads it before the read.
import { EventLogBuilder } from '@sagsflow/shared/event-log/builder';
import { createEventInserter, createQuarantineInserter, EVENT_COLUMNS } from '../db/event-insert';
import type { Pseudonymizer } from '../privacy/index';
import type { TextScrubber } from './text-scrubber';
import { createLoadTransform } from './load-transform';
import type { StoredEventFields } from '../db/append-seed';
import { createBatchStore } from './batch-store';

/** How the load decides what is personal, and with which key it pseudonymises. */
export interface LoadTransformOptions {
  pseudonymizer: Pseudonymizer;
  /** Whether an attribute (by its key) must be pseudonymised; others are CPR-masked. */
  isPersonal: (key: string) => boolean;
  /** Attribute keys whose free text is stored (scrubbed); free text of other attributes is not stored. */
  freeText?: ReadonlySet<string>;
  /** Remembers the clear values pseudonymised so far and scrubs text with them. */
  text: TextScrubber;
  /**
   * Hands on case ids and the personal values of case attributes in clear, flagged, for the
   * storing side to pseudonymise (`storeBatch` on the loading thread): the reader worker is the
   * busier thread of a load, so its HMACs move to the thread that stores. Default false.
   */
  deferPseudonyms?: boolean;
}

/** Where the load writes and how it decides what is personal. */
export interface LoadSinkOptions extends LoadTransformOptions {
  sqlite: Database.Database;
  loadId: number;
  log: string;
  version: number;
  /** See `createLoadStore`. */
  skipEvent?: ((event: StoredEventFields) => boolean) | undefined;
}

/** A quarantine row in `QUARANTINE_COLUMNS` order (file, line, column, reason, message, raw), already scrubbed. */
export type QuarantineRow = [string, number, string | null, string, string, string];

/** What the transform hands on: cleaned rows, in input order. */
export interface LoadOutput {
  /** An accepted event, pseudonymised and masked (`EVENT_COLUMNS` order); with `deferPseudonyms` the case id is in clear. */
  event(
    caseId: string,
    activity: string,
    timestamp: number,
    endTimestamp: number | null,
    resource: string | null,
    lifecycle: string | null,
    jobcenter: string | null,
    attributes: string | null,
  ): void;
  /** A case attribute of the case of the last event; `clear`: the value is still to be pseudonymised (`deferPseudonyms`). */
  caseAttribute(key: string, value: string, clear: boolean): void;
  quarantine(row: QuarantineRow): void;
}

/** Counts of what a transform has seen. */
export interface LoadCounts {
  accepted: number;
  quarantined: number;
  quarantinedByReason: Record<string, number>;
  firstTimestamp: number | null;
  lastTimestamp: number | null;
}

/**
 * The storing half of a load: accepted events go to the `events` table in batches (with their
 * event-level attributes) and into an `EventLogBuilder` for precompute (with the case-level
 * attributes, which precompute stores once per case); quarantine rows to `quarantine`. Rows come
 * one by one through `output`, or as the reader worker's coded batches through `batchStore`.
 */
export function createLoadStore(options: {
  sqlite: Database.Database;
  loadId: number;
  log: string;
  version: number;
  /** Drops an event (and the case attributes that follow it) when true: `ingest --append`'s duplicates of the earlier version. */
  skipEvent?: ((event: StoredEventFields) => boolean) | undefined;
}) {
  const { sqlite, loadId, log, version, skipEvent } = options;
  let skipped = false;
  const builder = new EventLogBuilder();
  const eventsOut = createEventInserter(sqlite, { log, version });
  const quarantineOut = createQuarantineInserter(sqlite, { loadId, log, version });
  const row: (string | number | null)[] = new Array(EVENT_COLUMNS.length).fill(null);
  const output: LoadOutput = {
    event(caseId, activity, timestamp, endTimestamp, resource, lifecycle, jobcenter, attributes) {
      skipped = skipEvent?.([caseId, activity, timestamp, endTimestamp, resource, lifecycle, jobcenter, attributes]) ?? false;
      if (skipped) return;
      builder.addEvent(caseId, activity, timestamp, resource, lifecycle);
      row[0] = caseId;
      row[1] = activity;
      row[2] = timestamp;
      row[3] = endTimestamp;
      row[4] = resource;
      row[5] = lifecycle;
      row[6] = jobcenter;
      row[7] = attributes;
      eventsOut.add(row);
    },
    caseAttribute(key, value, clear) {
      if (clear) throw new Error(`createLoadStore: the case attribute ${key} reached the store in clear`);
      if (!skipped) builder.setCaseAttribute(key, value);
    },
    quarantine(q) {
      quarantineOut.add(q);
    },
  };
  return {
    builder,
    output,
    /** The store of coded batches (`createBatchStore`), pseudonymising their clear values with `pseudonym`. */
    batchStore: (pseudonym: (clear: string) => string) =>
      createBatchStore({ builder, events: eventsOut, quarantine: quarantineOut, skipEvent }, pseudonym),
    /** Writes everything still buffered. */
    finish() {
      quarantineOut.flush();
      eventsOut.flush();
    },
  };
}

/**
 * The sink every file of one load streams into on this thread: `createLoadTransform` feeding
 * `createLoadStore` (the reader worker splits the two across threads, see `readInWorker`).
 */
export function createLoadSink(options: LoadSinkOptions) {
  const store = createLoadStore(options);
  const transform = createLoadTransform(options, store.output);
  let file = '';
  return {
    sink: transform.sink,
    builder: store.builder,
    /** Name of the file being read (for progress). */
    setFile(name: string) {
      file = name;
    },
    get file() {
      return file;
    },
    /** Writes everything still buffered. */
    finish() {
      transform.flushQuarantine();
      store.finish();
    },
    counts: transform.counts,
  };
}

export type LoadSink = ReturnType<typeof createLoadSink>;

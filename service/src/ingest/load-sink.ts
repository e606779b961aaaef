import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { EventLogBuilder } from '@sagsflow/shared';
import { createBatchInserter } from '../db/batch-insert';
import { JOBCENTER_ATTRIBUTE, PROCESS_ATTRIBUTE } from '../precompute/index';
import { maskCpr, type Pseudonymizer } from '../privacy/index';
import type { AcceptedEvent, ReadSink, Rejection } from '../readers/types';
import { createRawScrubber, type KnownValues } from './raw-scrubber';
import { EventAttributeCache, memoize } from './value-caches';
import { looksLikeFreeText, type TextScrubber } from './text-scrubber';
import type { StoredEventFields } from './append';

const PROCESS_KEYS = new Set(['proces', 'process', 'case:proces', 'case:process']);
export const EVENT_COLUMNS = ['case_id', 'activity', 'timestamp', 'end_timestamp', 'resource', 'lifecycle', 'jobcenter', 'attributes'];
const QUARANTINE_COLUMNS = ['file', 'line', 'column', 'reason', 'message', 'raw'];
const QUARANTINE_BUFFER = 20_000;
const KNOWN_LIMIT = 100_000;

/** How the load decides what is personal, and with which key it pseudonymises. */
export interface LoadTransformOptions {
  pseudonymizer: Pseudonymizer;
  /** Whether an attribute (by its key) must be pseudonymised; others are CPR-masked. */
  isPersonal: (key: string) => boolean;
  /** Attribute keys whose free text is stored (scrubbed); free text of other attributes is not stored. */
  freeText?: ReadonlySet<string>;
  /** Remembers the clear values pseudonymised so far and scrubs text with them. */
  text: TextScrubber;
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
  /** An accepted event, pseudonymised and masked (`EVENT_COLUMNS` order). */
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
  /** A case attribute of the case of the last event. */
  caseAttribute(key: string, value: string): void;
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
 * The cleaning half of a load, with no database: pseudonymises before anything is kept
 * (case id, resource and the `pseudonymize` attributes become keyed pseudonyms, CPR-like
 * values elsewhere are masked, quarantined raw content is scrubbed) and hands the cleaned
 * rows to `out`. It runs on the loading thread, or in the load's reader worker.
 */
export function createLoadTransform(options: LoadTransformOptions, out: LoadOutput) {
  const { pseudonymizer: p } = options;
  const known: KnownValues = { clear: new Set(), jobcenters: new Set() };
  const scrubber = createRawScrubber(p, known);
  const pending: Rejection[] = [];
  const byReason: Record<string, number> = {};
  const personal = new Map<string, boolean>();
  const isPersonal = (key: string): boolean => {
    let yes = personal.get(key);
    if (yes === undefined) {
      yes = options.isPersonal(key);
      personal.set(key, yes);
    }
    return yes;
  };
  let accepted = 0;
  let quarantined = 0;
  let first = Infinity;
  let last = -Infinity;

  let rawCase = '';
  let rawResource: string | null | undefined = null;
  const freeText = options.freeText ?? new Set<string>();
  const cleanValue = (key: string, value: string, sameAsEvent: boolean): string | null => {
    if (sameAsEvent || isPersonal(key)) {
      options.text.remember(value);
      return p.pseudonym(value);
    }
    if (freeText.has(key)) return options.text.scrub(value);
    if (looksLikeFreeText(value)) return null;
    const masked = maskCpr(value);
    if (known.clear.size < KNOWN_LIMIT) known.clear.add(masked);
    return masked;
  };
  /** The row's personal values, before its free text is scrubbed (a note may name the row's own citizen). */
  const rememberPersonal = (...groups: (Readonly<Record<string, string>> | undefined)[]): void => {
    for (const attrs of groups) {
      if (!attrs) continue;
      for (const key in attrs) if (attrs[key] && isPersonal(key)) options.text.remember(attrs[key]);
    }
  };
  const clean = (key: string, value: string): string | null => cleanValue(key, value, value === rawCase || value === rawResource);
  const eventAttrs = new EventAttributeCache(cleanValue);
  const resourcePseudonym = memoize((r) => {
    options.text.remember(r);
    return p.pseudonym(r);
  });

  const flushQuarantine = (): void => {
    for (const r of pending) {
      out.quarantine([basename(r.file), r.line, r.column, r.reason, scrubber.message(r.message), scrubber.raw(r.raw)]);
    }
    pending.length = 0;
  };

  /** Sets the case's attributes, jobcenter and process; true when every value was present (later events of the case can skip this). */
  const setCaseAttributes = (
    caseAttributes: Readonly<Record<string, string>> | undefined,
    eventAttrs: Record<string, string> | null,
    jobcenter: string | null,
  ): boolean => {
    let complete = jobcenter !== null;
    let process: string | null = null;
    if (caseAttributes) {
      for (const key in caseAttributes) {
        const raw = caseAttributes[key];
        if (key === JOBCENTER_ATTRIBUTE) continue;
        if (raw === undefined || raw === '') {
          complete = false;
          continue;
        }
        const value = clean(key, raw);
        if (value === null) continue;
        out.caseAttribute(key, value);
        if (process === null && PROCESS_KEYS.has(key.toLowerCase())) process = value;
      }
    }
    if (process === null && eventAttrs) {
      for (const key in eventAttrs) if (PROCESS_KEYS.has(key.toLowerCase())) process = eventAttrs[key]!;
    }
    if (jobcenter !== null) {
      out.caseAttribute(JOBCENTER_ATTRIBUTE, jobcenter);
      known.jobcenters.add(jobcenter);
    }
    if (process !== null) out.caseAttribute(PROCESS_ATTRIBUTE, process);
    return complete && process !== null;
  };

  const maskKnown = (value: string): string => {
    const m = maskCpr(value);
    known.clear.add(m);
    return m;
  };
  const maskActivity = memoize(maskKnown);
  const maskJobcenter = memoize(maskKnown);
  let lastRawCase: string | null = null;
  let lastCase = '';
  let caseDone = false;

  const sink: ReadSink = {
    onEvent(a: AcceptedEvent) {
      const e = a.event;
      rawCase = e.caseId;
      rawResource = e.resource;
      const sameCase = e.caseId === lastRawCase;
      if (!sameCase) options.text.remember(e.caseId);
      const caseId = sameCase ? lastCase : p.pseudonym(e.caseId);
      if (!sameCase) {
        lastRawCase = e.caseId;
        lastCase = caseId;
        caseDone = false;
      }
      if (freeText.size > 0) rememberPersonal(e.caseAttributes, e.eventAttributes);
      const activity = maskActivity(e.activity);
      const resource = e.resource ? resourcePseudonym(e.resource) : null;
      const jobcenter = a.jobcenter ? maskJobcenter(a.jobcenter) : null;
      if (e.eventAttributes) eventAttrs.update(e.eventAttributes, rawCase, rawResource);
      else eventAttrs.clear();
      out.event(caseId, activity, e.timestamp, a.endTimestamp, resource, e.lifecycle ?? null, jobcenter, eventAttrs.json);
      if (!caseDone) caseDone = setCaseAttributes(e.caseAttributes, eventAttrs.attrs, jobcenter);
      if (e.timestamp < first) first = e.timestamp;
      if (e.timestamp > last) last = e.timestamp;
      accepted++;
    },
    onReject(r: Rejection) {
      quarantined++;
      byReason[r.reason] = (byReason[r.reason] ?? 0) + 1;
      pending.push(r);
      if (pending.length >= QUARANTINE_BUFFER) flushQuarantine();
    },
  };

  return {
    sink,
    /** Hands on the quarantine rows still held (they are scrubbed with every value seen so far). */
    flushQuarantine,
    counts(): LoadCounts {
      return {
        accepted,
        quarantined,
        quarantinedByReason: { ...byReason },
        firstTimestamp: accepted > 0 ? first : null,
        lastTimestamp: accepted > 0 ? last : null,
      };
    },
  };
}

/**
 * The storing half of a load: accepted events go to the `events` table in batches (with their
 * event-level attributes) and into an `EventLogBuilder` for precompute (with the case-level
 * attributes, which precompute stores once per case); quarantine rows to `quarantine`.
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
  const eventsOut = createBatchInserter(sqlite, 'events', EVENT_COLUMNS, { constants: { log, version } });
  const quarantineOut = createBatchInserter(sqlite, 'quarantine', QUARANTINE_COLUMNS, { constants: { load_id: loadId, log, version } });
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
    caseAttribute(key, value) {
      if (!skipped) builder.setCaseAttribute(key, value);
    },
    quarantine(q) {
      quarantineOut.add(q);
    },
  };
  return {
    builder,
    output,
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

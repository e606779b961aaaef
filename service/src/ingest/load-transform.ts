import { basename } from 'node:path';
import { JOBCENTER_ATTRIBUTE, PROCESS_ATTRIBUTE } from '../precompute/case-groups';
import { maskCpr } from '../privacy/index';
import type { AcceptedEvent, ReadSink, Rejection } from '../readers/types';
import { createRawScrubber, type KnownValues } from './raw-scrubber';
import { EventAttributeCache, memoize } from './value-caches';
import { looksLikeFreeText } from './text-scrubber';
import type { LoadCounts, LoadOutput, LoadTransformOptions } from './load-sink';

const PROCESS_KEYS = new Set(['proces', 'process', 'case:proces', 'case:process']);

/** Whether an attribute key names the process (`PROCESS_KEYS`, any case), asked once per key of a load. */
function processKeyTest(): (key: string) => boolean {
  const answers = new Map<string, boolean>();
  return (key) => {
    let yes = answers.get(key);
    if (yes === undefined) answers.set(key, (yes = PROCESS_KEYS.has(key.toLowerCase())));
    return yes;
  };
}
const QUARANTINE_BUFFER = 20_000;
const KNOWN_LIMIT = 100_000;

/**
 * The cleaning half of a load, with no database: pseudonymises before anything is kept
 * (case id, resource and the `pseudonymize` attributes become keyed pseudonyms, CPR-like
 * values elsewhere are masked, quarantined raw content is scrubbed) and hands the cleaned
 * rows to `out`. It runs on the loading thread, or in the load's reader worker.
 */
export function createLoadTransform(options: LoadTransformOptions, out: LoadOutput) {
  const known: KnownValues = { clear: new Set(), jobcenters: new Set() };
  const values = createValueCleaner(options, known);
  const isProcessKey = processKeyTest();
  const quarantine = createQuarantineBuffer(options, known, out);
  const counts = createCounts();
  let lastRawCase: string | null = null;
  let lastCase = '';
  let caseDone = false;

  const sink: ReadSink = {
    onEvent(a: AcceptedEvent) {
      const e = a.event;
      const sameCase = e.caseId === lastRawCase;
      if (!sameCase) {
        lastRawCase = e.caseId;
        lastCase = values.caseId(e.caseId);
        caseDone = false;
      }
      const event = values.event(a);
      out.event(
        lastCase,
        event.activity,
        e.timestamp,
        a.endTimestamp,
        event.resource,
        e.lifecycle ?? null,
        event.jobcenter,
        event.attributes,
      );
      if (!caseDone)
        caseDone = writeCaseAttributes(values, out, known, isProcessKey, e.caseAttributes, values.eventAttributes(), event.jobcenter);
      counts.accept(e.timestamp);
    },
    onReject(r: Rejection) {
      counts.reject(r.reason);
      quarantine.push(r);
    },
  };

  return {
    sink,
    /** Hands on the quarantine rows still held (they are scrubbed with every value seen so far). */
    flushQuarantine: quarantine.flush,
    counts: counts.get,
  };
}

/** How one load cleans values: pseudonyms for personal values, CPR masks elsewhere, free text dropped or scrubbed. */
function createValueCleaner(options: LoadTransformOptions, known: KnownValues) {
  const { pseudonymizer: p } = options;
  const defer = options.deferPseudonyms === true;
  const personal = new Map<string, boolean>();
  const isPersonal = (key: string): boolean => {
    let yes = personal.get(key);
    if (yes === undefined) {
      yes = options.isPersonal(key);
      personal.set(key, yes);
    }
    return yes;
  };
  const freeText = options.freeText ?? new Set<string>();
  let rawCase = '';
  let rawResource: string | null | undefined = null;
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
  const eventAttrs = new EventAttributeCache(cleanValue);
  const resourcePseudonym = memoize((r) => {
    options.text.remember(r);
    return p.pseudonym(r);
  });
  const maskKnown = (value: string): string => {
    const m = maskCpr(value);
    known.clear.add(m);
    return m;
  };
  const maskActivity = memoize(maskKnown);
  const maskJobcenter = memoize(maskKnown);
  /** What `event` returns, filled anew for each event. */
  const cleaned: { activity: string; resource: string | null; jobcenter: string | null; attributes: string | null } = {
    activity: '',
    resource: null,
    jobcenter: null,
    attributes: null,
  };

  return {
    /** The pseudonym of a case id, or with `deferPseudonyms` the case id itself (called once per case). */
    caseId(raw: string): string {
      options.text.remember(raw);
      return defer ? raw : p.pseudonym(raw);
    },
    /** The cleaned values of one accepted event (one object, overwritten by the next call). */
    event(a: AcceptedEvent) {
      const e = a.event;
      rawCase = e.caseId;
      rawResource = e.resource;
      if (freeText.size > 0) rememberPersonal(e.caseAttributes, e.eventAttributes);
      cleaned.activity = maskActivity(e.activity);
      cleaned.resource = e.resource ? resourcePseudonym(e.resource) : null;
      cleaned.jobcenter = a.jobcenter ? maskJobcenter(a.jobcenter) : null;
      if (e.eventAttributes) eventAttrs.update(e.eventAttributes, rawCase, rawResource);
      else eventAttrs.clear();
      cleaned.attributes = eventAttrs.json;
      return cleaned;
    },
    /** The cleaned event attributes of the last `event`. */
    eventAttributes: (): Record<string, string> | null => eventAttrs.attrs,
    /**
     * A case attribute cleaned (null: not stored); a value equal to the event's case id or
     * resource is pseudonymised too. `clear`: a personal value left in clear (`deferPseudonyms`).
     */
    caseAttribute(key: string, value: string): { value: string; clear: boolean } | null {
      const sameAsEvent = value === rawCase || value === rawResource;
      if (defer && (sameAsEvent || isPersonal(key))) {
        options.text.remember(value);
        return { value, clear: true };
      }
      const cleaned = cleanValue(key, value, sameAsEvent);
      return cleaned === null ? null : { value: cleaned, clear: false };
    },
  };
}

/**
 * Writes the case's attributes, jobcenter and process; true when every value was present (later
 * events of the case can skip this).
 */
function writeCaseAttributes(
  values: ReturnType<typeof createValueCleaner>,
  out: LoadOutput,
  known: KnownValues,
  isProcessKey: (key: string) => boolean,
  caseAttributes: Readonly<Record<string, string>> | undefined,
  eventAttrs: Record<string, string> | null,
  jobcenter: string | null,
): boolean {
  let complete = jobcenter !== null;
  let process: { value: string; clear: boolean } | null = null;
  if (caseAttributes) {
    for (const key in caseAttributes) {
      const raw = caseAttributes[key];
      if (key === JOBCENTER_ATTRIBUTE) continue;
      if (raw === undefined || raw === '') {
        complete = false;
        continue;
      }
      const cleaned = values.caseAttribute(key, raw);
      if (cleaned === null) continue;
      out.caseAttribute(key, cleaned.value, cleaned.clear);
      if (process === null && isProcessKey(key)) process = cleaned;
    }
  }
  if (process === null && eventAttrs) {
    for (const key in eventAttrs) if (isProcessKey(key)) process = { value: eventAttrs[key]!, clear: false };
  }
  if (jobcenter !== null) {
    out.caseAttribute(JOBCENTER_ATTRIBUTE, jobcenter, false);
    known.jobcenters.add(jobcenter);
  }
  if (process !== null) out.caseAttribute(PROCESS_ATTRIBUTE, process.value, process.clear);
  return complete && process !== null;
}

/** Rejected rows, held until a batch is full and then handed on scrubbed with every value seen so far. */
function createQuarantineBuffer(options: LoadTransformOptions, known: KnownValues, out: LoadOutput) {
  const scrubber = createRawScrubber(options.pseudonymizer, known);
  const pending: Rejection[] = [];
  const flush = (): void => {
    for (const r of pending) {
      out.quarantine([basename(r.file), r.line, r.column, r.reason, scrubber.message(r.message), scrubber.raw(r.raw)]);
    }
    pending.length = 0;
  };
  return {
    push(r: Rejection): void {
      pending.push(r);
      if (pending.length >= QUARANTINE_BUFFER) flush();
    },
    flush,
  };
}

/** Accepted and quarantined rows, by reason, and the time span of the accepted ones. */
function createCounts() {
  const byReason: Record<string, number> = {};
  let accepted = 0;
  let quarantined = 0;
  let first = Infinity;
  let last = -Infinity;
  return {
    accept(timestamp: number): void {
      if (timestamp < first) first = timestamp;
      if (timestamp > last) last = timestamp;
      accepted++;
    },
    reject(reason: string): void {
      quarantined++;
      byReason[reason] = (byReason[reason] ?? 0) + 1;
    },
    get(): LoadCounts {
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

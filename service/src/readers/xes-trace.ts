import type { RawEvent } from '@sagsflow/shared';
import { RecordHashSet } from './record-hash-set';
import { quote, type ReadTally } from './tally';
import type { TimestampParser } from './timestamps';

/** The XES keys the reader takes its roles from. */
export interface XesKeys {
  case: string;
  activity: string;
  timestamp: string;
  resource: string;
  lifecycle: string;
  jobcenter: string | null;
}

/** An event's attributes as read, flat: `[key0, value0, key1, value1, ...]` (no object per event). */
export type FlatAttributes = string[];

/** One `<trace>` (or a stray `<event>` outside a trace) while it is being read. */
export interface PendingTrace {
  /** 1-based trace number; 0 for an event outside any trace. */
  number: number;
  /** Line of the `<trace>` tag. */
  line: number;
  attributes: Record<string, string>;
  events: FlatAttributes[];
}

function valueOf(attrs: FlatAttributes, key: string): string | undefined {
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === key) return attrs[i + 1];
  return undefined;
}

function rawOf(where: string, attrs: FlatAttributes): string {
  const pairs: string[] = [];
  for (let i = 0; i < attrs.length; i += 2) pairs.push(`${attrs[i]}=${quote(attrs[i + 1] as string)}`);
  return `${where}: ${pairs.join(' ')}`;
}

/**
 * Turns a finished trace into accepted events, duplicates and rejections. Trace attributes
 * become case attributes (the case key excluded); event attributes other than the role
 * keys become event attributes. Events are checked in this order: exact duplicate (same case
 * and the same attributes as an earlier event; dropped, or counted and kept), case id,
 * activity, timestamp.
 */
export function createTraceHandler(keys: XesKeys, parse: TimestampParser, tally: ReadTally): (trace: PendingTrace) => void {
  const seen = new RecordHashSet();
  const roles = new Set([keys.activity, keys.timestamp, keys.resource, keys.lifecycle]);
  return (trace) => {
    const { attributes: traceAttrs, number } = trace;
    const caseId = traceAttrs[keys.case]?.trim() ?? '';
    const where = number === 0 ? `event outside any trace (line ${trace.line})` : `trace ${number} (line ${trace.line})`;
    let caseAttributes: Record<string, string> | undefined;
    for (const k in traceAttrs) {
      const v = traceAttrs[k] as string;
      if (k !== keys.case && v !== '') (caseAttributes ??= {})[k] = v;
    }
    const traceJobcenter = keys.jobcenter === null ? null : (traceAttrs[keys.jobcenter] ?? null);
    if (traceJobcenter !== null) (caseAttributes ??= {})['jobcenter'] = traceJobcenter;
    for (const attrs of trace.events) {
      if (!seen.add(attrs, caseId)) {
        if (!tally.keepDuplicates) {
          tally.duplicate(number, rawOf(where, attrs));
          continue;
        }
        tally.identicalKept();
      }
      if (caseId === '') {
        tally.reject(number, keys.case, 'missing-case', `${where} has no ${keys.case}, so its events have no case id`, rawOf(where, attrs));
        continue;
      }
      const activity = valueOf(attrs, keys.activity)?.trim() ?? '';
      if (activity === '') {
        tally.reject(number, keys.activity, 'missing-activity', `event in ${where} has no ${keys.activity}`, rawOf(where, attrs));
        continue;
      }
      const rawTime = valueOf(attrs, keys.timestamp);
      if (rawTime === undefined || rawTime.trim() === '') {
        tally.reject(number, keys.timestamp, 'missing-timestamp', `event in ${where} has no ${keys.timestamp}`, rawOf(where, attrs));
        continue;
      }
      const timestamp = parse(rawTime);
      if (Number.isNaN(timestamp)) {
        tally.reject(
          number,
          keys.timestamp,
          'bad-timestamp',
          `event in ${where}: cannot read timestamp ${quote(rawTime)} (expected xs:dateTime, e.g. 2024-03-01T09:15:00.000+01:00)`,
          rawOf(where, attrs),
        );
        continue;
      }
      let eventAttributes: Record<string, string> | undefined;
      for (let i = 0; i < attrs.length; i += 2) {
        const k = attrs[i] as string;
        if (!roles.has(k)) (eventAttributes ??= {})[k] = attrs[i + 1] as string;
      }
      const eventJobcenter = traceJobcenter ?? (keys.jobcenter === null ? null : (valueOf(attrs, keys.jobcenter) ?? null));
      const eventCaseAttributes =
        traceJobcenter === null && eventJobcenter !== null ? { ...caseAttributes, jobcenter: eventJobcenter } : caseAttributes;
      const event: RawEvent = {
        caseId,
        activity,
        timestamp,
        resource: valueOf(attrs, keys.resource) ?? null,
        lifecycle: valueOf(attrs, keys.lifecycle) ?? null,
      };
      if (eventCaseAttributes) event.caseAttributes = eventCaseAttributes;
      if (eventAttributes) event.eventAttributes = eventAttributes;
      tally.accept({ event, line: number, endTimestamp: null, jobcenter: eventJobcenter });
    }
  };
}

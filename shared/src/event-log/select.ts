import type { AttributeColumn, EventLog } from './types';

/**
 * A new log with only the cases whose `keep[c]` is non-zero, in their order.
 * Activity and resource tables are compacted to the names still used; attribute
 * value tables are kept as they are (codes still index into them).
 */
export function selectCases(log: EventLog, keep: Uint8Array): EventLog {
  const { events, cases } = keptSize(log, keep);
  const source = new Uint32Array(events);
  const keptCases = new Uint32Array(cases);
  const columns: SelectedColumns = {
    activities: [],
    resources: [],
    caseIds: [],
    caseOffsets: new Uint32Array(cases + 1),
    activity: new Uint32Array(events),
    timestamp: new Float64Array(events),
    resource: new Int32Array(events),
    lifecycle: new Uint8Array(events),
  };
  copyKeptCases(log, keep, source, keptCases, columns);
  return withAttributes(log, keptCases, source, columns);
}

/** The event columns of a selected log, filled in by `copyKeptCases`. */
interface SelectedColumns {
  activities: string[];
  resources: string[];
  caseIds: string[];
  caseOffsets: Uint32Array;
  activity: Uint32Array;
  timestamp: Float64Array;
  resource: Int32Array;
  lifecycle: Uint8Array;
}

// The loops over every case are functions of their own: compiled on stack (OSR) inside
// `selectCases`, they left its code after them without type feedback, to be compiled again.

/** The events and the cases of the kept cases that have events. */
function keptSize(log: EventLog, keep: Uint8Array): { events: number; cases: number } {
  let events = 0;
  let cases = 0;
  for (let c = 0; c < log.caseIds.length; c++) {
    const size = log.caseOffsets[c + 1]! - log.caseOffsets[c]!;
    if (keep[c] && size > 0) {
      events += size;
      cases++;
    }
  }
  return { events, cases };
}

/**
 * Copies the kept cases' events into `columns` (sized by `keptSize`), with each event's index in
 * `log` (`source`) and each case's (`keptCases`): one pass, what `selectEvents` does in several.
 */
function copyKeptCases(log: EventLog, keep: Uint8Array, source: Uint32Array, keptCases: Uint32Array, columns: SelectedColumns): void {
  const { caseIds, caseOffsets, activity, activities, resource, resources, timestamp, lifecycle } = columns;
  const activityMap = new Int32Array(log.activities.length).fill(-1);
  const resourceMap = new Int32Array(log.resources.length).fill(-1);
  let k = 0;
  for (let c = 0; c < log.caseIds.length; c++) {
    const lo = log.caseOffsets[c]!;
    const hi = log.caseOffsets[c + 1]!;
    if (!keep[c] || hi === lo) continue;
    keptCases[caseIds.length] = c;
    caseIds.push(log.caseIds[c]!);
    for (let e = lo; e < hi; e++, k++) {
      source[k] = e;
      const a = log.activity[e]!;
      if (activityMap[a] === -1) {
        activityMap[a] = activities.length;
        activities.push(log.activities[a]!);
      }
      activity[k] = activityMap[a]!;
      timestamp[k] = log.timestamp[e]!;
      lifecycle[k] = log.lifecycle[e]!;
      resource[k] = keptResource(log.resource[e]!, resourceMap, resources, log.resources);
    }
    caseOffsets[caseIds.length] = k;
  }
}

/**
 * A new log with only the events whose `keep[e]` is non-zero; cases left without
 * events are dropped. Event order inside each case is unchanged.
 */
export function selectEvents(log: EventLog, keep: Uint8Array): EventLog {
  const caseCount = log.caseIds.length;
  let n = 0;
  let cases = 0;
  const caseKept = new Uint8Array(caseCount);
  for (let c = 0; c < caseCount; c++) {
    const before = n;
    for (let e = log.caseOffsets[c]!; e < log.caseOffsets[c + 1]!; e++) if (keep[e]) n++;
    if (n > before) {
      caseKept[c] = 1;
      cases++;
    }
  }
  const source = new Uint32Array(n);
  const caseOffsets = new Uint32Array(cases + 1);
  const caseIds: string[] = [];
  const keptCases = new Uint32Array(cases);
  let k = 0;
  for (let c = 0; c < caseCount; c++) {
    if (!caseKept[c]) continue;
    keptCases[caseIds.length] = c;
    caseIds.push(log.caseIds[c]!);
    for (let e = log.caseOffsets[c]!; e < log.caseOffsets[c + 1]!; e++) if (keep[e]) source[k++] = e;
    caseOffsets[caseIds.length] = k;
  }
  const { names: activities, ids: activity } = compact(log.activities, log.activity, source);
  const resource = new Int32Array(n);
  const resourceMap = new Int32Array(log.resources.length).fill(-1);
  const resources: string[] = [];
  const timestamp = new Float64Array(n);
  const lifecycle = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const e = source[i]!;
    timestamp[i] = log.timestamp[e]!;
    lifecycle[i] = log.lifecycle[e]!;
    resource[i] = keptResource(log.resource[e]!, resourceMap, resources, log.resources);
  }
  return withAttributes(log, keptCases, source, { activities, resources, caseIds, caseOffsets, activity, timestamp, resource, lifecycle });
}

/** The new code of resource `r` (-1: none) in the compacted table `kept`, adding its name on first use. */
function keptResource(r: number, map: Int32Array, kept: string[], names: readonly string[]): number {
  if (r < 0) return -1;
  if (map[r] === -1) {
    map[r] = kept.length;
    kept.push(names[r]!);
  }
  return map[r]!;
}

/** The selected log: its event columns, and the attribute columns of its kept cases and source events. */
function withAttributes(
  log: EventLog,
  keptCases: Uint32Array,
  source: Uint32Array,
  columns: Omit<EventLog, 'caseAttributes' | 'eventAttributes'>,
): EventLog {
  return { ...columns, caseAttributes: pick(log.caseAttributes, keptCases), eventAttributes: pick(log.eventAttributes, source) };
}

function compact(names: readonly string[], ids: Uint32Array, source: Uint32Array) {
  const map = new Int32Array(names.length).fill(-1);
  const kept: string[] = [];
  const out = new Uint32Array(source.length);
  for (let i = 0; i < source.length; i++) {
    const id = ids[source[i]!]!;
    if (map[id] === -1) {
      map[id] = kept.length;
      kept.push(names[id]!);
    }
    out[i] = map[id]!;
  }
  return { names: kept, ids: out };
}

function pick(columns: ReadonlyMap<string, AttributeColumn>, source: Uint32Array) {
  const out = new Map<string, AttributeColumn>();
  for (const [name, column] of columns) {
    const codes = new Int32Array(source.length);
    for (let i = 0; i < source.length; i++) codes[i] = column.codes[source[i]!]!;
    out.set(name, { values: column.values, codes });
  }
  return out;
}

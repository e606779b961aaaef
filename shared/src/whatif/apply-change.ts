import { MisuseError, NotFoundError, quote } from '../errors';
import { Lifecycle, type AttributeColumn, type EventLog } from '../event-log/types';

/**
 * A change to one activity (or one edge into it) whose effect `applyChange` plays out on a
 * log's own cases. Exactly one kind: `processingFactor`, `waitingFactor`, `remove` or
 * `cutRework`.
 */
export interface WhatIfChange {
  /** The activity the change is about. */
  activity: string;
  /** Processing time of each instance (start to complete) × this factor; 0 makes it instant. */
  processingFactor?: number;
  /** Waiting time before each instance (from the case's previous event) × this factor. */
  waitingFactor?: number;
  /** With `waitingFactor`: only the wait after this activity, i.e. the edge `from → activity`. */
  from?: string;
  /** The activity is no longer done: its events and the wait before them disappear. */
  remove?: boolean;
  /** The rework loop is cut: each repeat of the activity disappears with what happened since its previous occurrence. */
  cutRework?: boolean;
}

/** The changed log and what the change took away. */
export interface AppliedChange {
  /** The log with shifted timestamps and removed events; cases that lost every event are gone. */
  log: EventLog;
  /** For each case of the input, its index in `log`, or -1 when it lost every event. */
  caseMap: Int32Array;
  /** Instances of the activity that the change touched (or removed, for `cutRework` every removed instance). */
  instancesChanged: number;
  /** Processing time taken away (start-to-complete time of the changed or removed instances), ms. */
  processingSavedMs: number;
  /** Events removed. */
  eventsRemoved: number;
}

/**
 * Plays a change out on every case of `log`, keeping every other duration as observed:
 * the time a change takes away (or adds) moves all later events of the case by that much.
 *
 * - `processingFactor f`: an instance of A with start s and complete c ends at s + f·(c − s).
 * - `waitingFactor f`: the wait from the case's previous event p to A's first event a
 *   becomes f·(a − p) (with `from`, only where p's activity is `from`).
 * - `remove`: A's events go, and so does the wait before them: later events move back by the
 *   time from p to A's last event. An A that opens its case has no wait before it; the case
 *   then starts at its next event.
 * - `cutRework`: for the k-th occurrence of A (k ≥ 2), the events after occurrence k − 1 up to
 *   and including occurrence k go, and later events move back by that span.
 *
 * Instances pair a start with the next complete of A (FIFO), as `pairActivityInstances` does.
 * Events of a case are re-ordered by their new times (ties in their old order).
 *
 * @example
 * const { log: faster } = applyChange(log, { activity: 'Visitation', waitingFactor: 0.5 });
 */
export function applyChange(log: EventLog, change: WhatIfChange): AppliedChange {
  const target = checkChange(log, change);
  const from = change.from === undefined ? -1 : activityId(log, change.from, 'from');
  const n = log.activity.length;
  const newTime = new Float64Array(n);
  const keep = new Uint8Array(n).fill(1);
  let instancesChanged = 0;
  let processingSavedMs = 0;
  for (let c = 0; c < log.caseIds.length; c++) {
    const lo = log.caseOffsets[c]!;
    const hi = log.caseOffsets[c + 1]!;
    const shiftAt = new Float64Array(hi - lo + 1);
    const instances = instancesOf(log, lo, hi, target);
    let previousEnd = -1;
    for (const [first, last] of instances) {
      const t = log.timestamp;
      if (change.processingFactor !== undefined) {
        const processing = t[last]! - t[first]!;
        if (last > first) {
          shiftAt[last - lo]! += (change.processingFactor - 1) * processing;
          processingSavedMs += (1 - change.processingFactor) * processing;
        }
        instancesChanged++;
      } else if (change.waitingFactor !== undefined) {
        const p = first - 1;
        if (p >= lo && (from < 0 || log.activity[p] === from)) {
          shiftAt[first - lo]! += (change.waitingFactor - 1) * (t[first]! - t[p]!);
          instancesChanged++;
        }
      } else if (change.remove) {
        for (let e = first; e <= last; e++) if (log.activity[e] === target) keep[e] = 0;
        const p = first - 1;
        if (p >= lo) shiftAt[last + 1 - lo]! -= t[last]! - t[p]!;
        processingSavedMs += t[last]! - t[first]!;
        instancesChanged++;
      } else if (previousEnd >= 0) {
        for (let e = previousEnd + 1; e <= last; e++) keep[e] = 0;
        processingSavedMs += processingWithin(log, previousEnd + 1, last);
        shiftAt[last + 1 - lo]! -= t[last]! - t[previousEnd]!;
        instancesChanged++;
      }
      previousEnd = last;
    }
    let shift = 0;
    for (let e = lo; e < hi; e++) {
      shift += shiftAt[e - lo]!;
      newTime[e] = log.timestamp[e]! + shift;
    }
  }
  return { ...rebuild(log, newTime, keep), instancesChanged, processingSavedMs };
}

function checkChange(log: EventLog, change: WhatIfChange): number {
  const kinds = [
    change.processingFactor !== undefined,
    change.waitingFactor !== undefined,
    change.remove === true,
    change.cutRework === true,
  ];
  if (kinds.filter(Boolean).length !== 1) {
    throw new MisuseError('applyChange: give exactly one of processingFactor, waitingFactor, remove, cutRework');
  }
  for (const [name, factor] of [
    ['processingFactor', change.processingFactor],
    ['waitingFactor', change.waitingFactor],
  ] as const) {
    if (factor !== undefined && !(Number.isFinite(factor) && factor >= 0)) {
      throw new MisuseError(`applyChange: ${name} must be a number ≥ 0, got ${quote(factor)}`);
    }
  }
  if (change.from !== undefined && change.waitingFactor === undefined) {
    throw new MisuseError('applyChange: from names an edge and goes with waitingFactor only');
  }
  return activityId(log, change.activity, 'activity');
}

function activityId(log: EventLog, name: string, field: string): number {
  const id = log.activities.indexOf(name);
  if (id < 0) throw new NotFoundError(`applyChange: ${field} ${quote(name)} does not occur in the log`);
  return id;
}

/** Instances of `target` in one case as [first event, last event] index pairs, by first event. */
function instancesOf(log: EventLog, lo: number, hi: number, target: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const open: number[] = [];
  for (let e = lo; e < hi; e++) {
    if (log.activity[e] !== target) continue;
    const life = log.lifecycle[e];
    if (life === Lifecycle.start) open.push(e);
    else if (life === Lifecycle.complete && open.length > 0) out.push([open.shift()!, e]);
    else if (life === Lifecycle.complete || life === Lifecycle.none) out.push([e, e]);
  }
  for (const s of open) out.push([s, s]);
  return out.sort((a, b) => a[0] - b[0]);
}

/** Start-to-complete time of the instances wholly inside events [lo, hi]. */
function processingWithin(log: EventLog, lo: number, hi: number): number {
  let sum = 0;
  const openStart = new Map<number, number[]>();
  for (let e = lo; e <= hi; e++) {
    const a = log.activity[e]!;
    if (log.lifecycle[e] === Lifecycle.start) {
      const list = openStart.get(a) ?? [];
      list.push(e);
      openStart.set(a, list);
    } else if (log.lifecycle[e] === Lifecycle.complete) {
      const s = openStart.get(a)?.shift();
      if (s !== undefined) sum += log.timestamp[e]! - log.timestamp[s]!;
    }
  }
  return sum;
}

function rebuild(log: EventLog, newTime: Float64Array, keep: Uint8Array): Pick<AppliedChange, 'log' | 'caseMap' | 'eventsRemoved'> {
  const caseCount = log.caseIds.length;
  const order: number[] = [];
  const caseOffsets: number[] = [0];
  const caseMap = new Int32Array(caseCount).fill(-1);
  const keptCases: number[] = [];
  for (let c = 0; c < caseCount; c++) {
    const events: number[] = [];
    for (let e = log.caseOffsets[c]!; e < log.caseOffsets[c + 1]!; e++) if (keep[e]) events.push(e);
    if (events.length === 0) continue;
    events.sort((a, b) => newTime[a]! - newTime[b]! || a - b);
    caseMap[c] = keptCases.length;
    keptCases.push(c);
    order.push(...events);
    caseOffsets.push(order.length);
  }
  const pick = <T extends Uint32Array | Int32Array | Uint8Array | Float64Array>(source: T, make: (n: number) => T): T => {
    const out = make(order.length);
    for (let i = 0; i < order.length; i++) out[i] = source[order[i]!]!;
    return out;
  };
  const remap = (column: AttributeColumn, rows: readonly number[]): AttributeColumn => {
    const codes = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) codes[i] = column.codes[rows[i]!]!;
    return { values: column.values, codes };
  };
  const changed: EventLog = {
    activities: log.activities,
    resources: log.resources,
    caseIds: keptCases.map((c) => log.caseIds[c]!),
    caseOffsets: Uint32Array.from(caseOffsets),
    activity: pick(log.activity, (k) => new Uint32Array(k)),
    timestamp: pick(newTime, (k) => new Float64Array(k)),
    resource: pick(log.resource, (k) => new Int32Array(k)),
    lifecycle: pick(log.lifecycle, (k) => new Uint8Array(k)),
    caseAttributes: new Map([...log.caseAttributes].map(([name, column]) => [name, remap(column, keptCases)])),
    eventAttributes: new Map([...log.eventAttributes].map(([name, column]) => [name, remap(column, order)])),
  };
  return { log: changed, caseMap, eventsRemoved: log.activity.length - order.length };
}

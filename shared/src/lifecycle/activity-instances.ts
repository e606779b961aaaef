import { Lifecycle, type EventLog } from '../event-log/types';

/**
 * Activity instances of a log, columnar like `EventLog`: instance i of case c lies in
 * `[caseOffsets[c], caseOffsets[c+1])`, ordered by start (ties by end, then input order).
 * Read-only, like the log: where every event is an instance, the columns are the log's own.
 */
export interface ActivityInstances {
  activities: readonly string[];
  resources: readonly string[];
  caseOffsets: Uint32Array;
  activity: Uint32Array;
  /** Start, epoch ms. Equals `end` for an instance without its own start event. */
  start: Float64Array;
  /** End, epoch ms. */
  end: Float64Array;
  /** Resource id of the completing event (of the start event if it has none), -1 if none. */
  resource: Int32Array;
}

/**
 * Pairs start and complete events into activity instances. In each case a complete
 * event of activity A closes the oldest still-open start of A (FIFO); a complete
 * without an open start, an event without lifecycle, and a start never completed
 * are each an instance of their own (start = end). Other transitions (schedule,
 * suspend, ...) are ignored. So where a log has only one kind, every event is an instance.
 *
 * @example
 * const inst = pairActivityInstances(log);
 * const processingMs = inst.end[0] - inst.start[0];
 */
export function pairActivityInstances(log: EventLog): ActivityInstances {
  if (eventsAreInstances(log)) return eventInstances(log);
  const caseCount = log.caseIds.length;
  const n = log.activity.length;
  const activity = new Uint32Array(n);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const resource = new Int32Array(n);
  const caseOffsets = new Uint32Array(caseCount + 1);
  const open: number[][] = Array.from({ length: log.activities.length }, () => []);
  let k = 0;
  for (let c = 0; c < caseCount; c++) {
    const lo = log.caseOffsets[c]!;
    const hi = log.caseOffsets[c + 1]!;
    const first = k;
    for (let e = lo; e < hi; e++) {
      const a = log.activity[e]!;
      const life = log.lifecycle[e]!;
      if (life === Lifecycle.start) open[a]!.push(e);
      else if (life === Lifecycle.complete || life === Lifecycle.none) {
        const s = life === Lifecycle.complete ? open[a]!.shift() : undefined;
        activity[k] = a;
        start[k] = s === undefined ? log.timestamp[e]! : log.timestamp[s]!;
        end[k] = log.timestamp[e]!;
        resource[k++] = log.resource[e]! >= 0 || s === undefined ? log.resource[e]! : log.resource[s]!;
      }
    }
    for (let e = lo; e < hi; e++) {
      const pending = open[log.activity[e]!]!;
      while (pending.length > 0) {
        const s = pending.shift()!;
        activity[k] = log.activity[s]!;
        start[k] = log.timestamp[s]!;
        end[k] = log.timestamp[s]!;
        resource[k++] = log.resource[s]!;
      }
    }
    sortCase(first, k, activity, start, end, resource);
    caseOffsets[c + 1] = k;
  }
  return {
    activities: log.activities,
    resources: log.resources,
    caseOffsets,
    activity: activity.slice(0, k),
    start: start.slice(0, k),
    end: end.slice(0, k),
    resource: resource.slice(0, k),
  };
}

/**
 * The events of a log as its activity instances: the log's own columns (shared, not copied), each
 * event starting when it ends. What `pairActivityInstances` returns when every event is an instance
 * (`eventsAreInstances`), so also for any selection of whole cases of such a log.
 */
export function eventInstances(log: EventLog): ActivityInstances {
  return {
    activities: log.activities,
    resources: log.resources,
    caseOffsets: log.caseOffsets,
    activity: log.activity,
    start: log.timestamp,
    end: log.timestamp,
    resource: log.resource,
  };
}

/**
 * Whether every event is an instance of its own, in order: no event has a start or other
 * transition, and each case's timestamps do not decrease (then pairing and sorting change nothing).
 */
export function eventsAreInstances(log: EventLog): boolean {
  const life = log.lifecycle;
  for (let e = 0; e < life.length; e++) if (life[e] !== Lifecycle.none && life[e] !== Lifecycle.complete) return false;
  const ts = log.timestamp;
  for (let c = 0; c + 1 < log.caseOffsets.length; c++) {
    for (let e = log.caseOffsets[c]! + 1; e < log.caseOffsets[c + 1]!; e++) if (!(ts[e - 1]! <= ts[e]!)) return false;
  }
  return true;
}

function sortCase(lo: number, hi: number, a: Uint32Array, s: Float64Array, e: Float64Array, r: Int32Array) {
  let sorted = true;
  for (let i = lo + 1; i < hi && sorted; i++) sorted = s[i - 1]! < s[i]! || (s[i - 1] === s[i] && e[i - 1]! <= e[i]!);
  if (sorted) return;
  const idx = Array.from({ length: hi - lo }, (_, i) => lo + i);
  idx.sort((x, y) => s[x]! - s[y]! || e[x]! - e[y]! || x - y);
  const [a2, s2, e2, r2] = [idx.map((i) => a[i]!), idx.map((i) => s[i]!), idx.map((i) => e[i]!), idx.map((i) => r[i]!)];
  a.set(a2, lo);
  s.set(s2, lo);
  e.set(e2, lo);
  r.set(r2, lo);
}

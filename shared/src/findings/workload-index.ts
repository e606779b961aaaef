import type { ActivityInstances } from '../lifecycle/activity-instances';
import { CountTable } from './count-table';

const DAY_MS = 86_400_000;

/** Monday-based week number of an instant (UTC); week 0 starts Monday 29 December 1969. */
export function weekNumber(ms: number): number {
  return Math.floor((Math.floor(ms / DAY_MS) + 3) / 7);
}

/**
 * The activity instances of a log counted per (resource, week of their end), built once for
 * `workloadAround` over several edges: `counts` is keyed `resource * weeks + (week - firstWeek)`.
 */
export interface InstanceIndex {
  firstWeek: number;
  /** Weeks from the first to the last instance end. */
  weeks: number;
  /** Instances without a resource (-1) are left out. */
  counts: CountTable;
  /** Instances per (activity, resource), keyed `activity * resources + resource`: who does each step. */
  doers: CountTable;
}

/**
 * The activity instances per (activity, resource), keyed `activity * resources + resource`, in the
 * order first met (instances without a resource left out): who does each step. `automationScores`
 * and `indexInstances` read the same table, so `buildFindings` counts it once.
 */
export function activityResourceCounts(inst: ActivityInstances): CountTable {
  const R = inst.resources.length;
  const { activity, resource } = inst;
  const doers = new CountTable(inst.activities.length * R);
  for (let i = 0; i < activity.length; i++) {
    const r = resource[i]!;
    if (r >= 0) doers.add(activity[i]! * R + r);
  }
  return doers;
}

/**
 * Counts the activity instances per resource and week of their end (one pass), with `doers`
 * (`activityResourceCounts(inst)`, counted here when not given).
 */
export function indexInstances(inst: ActivityInstances, doers = activityResourceCounts(inst)): InstanceIndex {
  const { end, resource } = inst;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < end.length; i++) {
    if (resource[i]! < 0) continue;
    const ms = end[i]!;
    if (ms < first) first = ms;
    if (ms > last) last = ms;
  }
  // weekNumber does not decrease with time: the first and last ends give the first and last weeks.
  const lo = weekNumber(first);
  const weeks = last >= first ? weekNumber(last) - lo + 1 : 0;
  const R = inst.resources.length;
  const counts = new CountTable(weeks * R);
  // Each end's week read off its day (weekNumber's inner step), from a table of the days spanned.
  const firstDay = Math.floor(first / DAY_MS);
  const days = weeks > 0 ? Math.floor(last / DAY_MS) - firstDay + 1 : 0;
  const weekOfDay = new Int32Array(days);
  for (let d = 0; d < days; d++) weekOfDay[d] = Math.floor((firstDay + d + 3) / 7) - lo;
  for (let i = 0; i < end.length; i++) {
    const r = resource[i]!;
    if (r >= 0) counts.add(r * weeks + weekOfDay[Math.floor(end[i]! / DAY_MS) - firstDay]!);
  }
  return { firstWeek: lo, weeks, counts, doers };
}

/** The resources that did `activity` at least once, marked 1 (indexed by resource), and how many. */
export function doersOf(index: InstanceIndex, activity: number, resources: number): { workers: Uint8Array; count: number } {
  const workers = new Uint8Array(resources);
  let count = 0;
  index.doers.forEach((key) => {
    if (Math.floor(key / resources) !== activity) return;
    workers[key % resources] = 1;
    count++;
  });
  return { workers, count };
}

/**
 * Per week of `[w0, w0 + span)`, the instances ended by the resources marked in `workers`
 * (`events`) and how many of them ended any (`active`).
 */
export function workersLoad(
  index: InstanceIndex,
  workers: Uint8Array,
  w0: number,
  span: number,
): { events: Float64Array; active: Int32Array } {
  const events = new Float64Array(span);
  const active = new Int32Array(span);
  const { weeks, firstWeek } = index;
  index.counts.forEach((key, n) => {
    if (workers[Math.floor(key / weeks)] !== 1) return;
    const w = (key % weeks) + firstWeek - w0;
    if (w < 0 || w >= span) return;
    events[w] = events[w]! + n;
    active[w] = active[w]! + 1;
  });
  return { events, active };
}

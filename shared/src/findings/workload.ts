import type { ActivityInstances } from '../lifecycle/activity-instances';
import type { Transitions } from './transitions';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Monday-based week number of an instant (UTC); week 0 starts Monday 29 December 1969. */
export function weekNumber(ms: number): number {
  return Math.floor((Math.floor(ms / DAY_MS) + 3) / 7);
}

/** The Monday (UTC, epoch ms) that starts week `w`. */
export function weekStartMs(w: number): number {
  return w * WEEK_MS - 3 * DAY_MS;
}

/** One week around a waiting step. */
export interface WorkloadWeek {
  /** Monday of the week, epoch ms (UTC). */
  weekStart: number;
  /** Cases waiting on the edge at some time in the week. */
  openCases: number;
  /** Events done that week by the caseworkers of the waiting step, per caseworker active that week. */
  eventsPerCaseworker: number;
  /** Median wait of the transitions that began waiting that week (NaN when none). */
  medianWaitMs: number;
}

/** Workload around a waiting step, and whether the wait follows it. */
export interface Workload {
  weeks: WorkloadWeek[];
  /** Caseworkers who do the waiting step (`to`). */
  caseworkers: number;
  /** Pearson correlation of weekly events per caseworker with the weekly median wait (NaN when undefined). */
  loadCorrelation: number;
  /** Pearson correlation of weekly open cases with the weekly median wait. */
  queueCorrelation: number;
  /**
   * `capacity` when the wait rises with the caseworkers' load or the queue (r >= 0.5),
   * `routing` when it does not (both r < 0.2), `mixed` between, `unknown` with under 4 weeks or no caseworkers.
   */
  verdict: 'capacity' | 'routing' | 'mixed' | 'unknown';
}

/** Instance numbers grouped by a key: the instances of key `k` are `items[offsets[k]..offsets[k + 1])`, in order. */
export interface InstanceGrouping {
  offsets: Uint32Array;
  items: Uint32Array;
}

/** The activity instances of a log grouped by activity and by resource, with the week of their ends, built once for `workloadAround` over several edges. */
export interface InstanceIndex {
  byActivity: InstanceGrouping;
  /** Instances without a resource (-1) are left out. */
  byResource: InstanceGrouping;
  /** Per instance, the week (`weekNumber`) of its end. */
  endWeek: Int32Array;
}

/** Groups the activity instances by activity and by resource (two counting sorts) and takes the week of each end. */
export function indexInstances(inst: ActivityInstances): InstanceIndex {
  const endWeek = new Int32Array(inst.end.length);
  for (let i = 0; i < endWeek.length; i++) endWeek[i] = weekNumber(inst.end[i]!);
  return { byActivity: groupBy(inst.activity), byResource: groupBy(inst.resource), endWeek };
}

function groupBy(keys: Uint32Array | Int32Array): InstanceGrouping {
  let max = -1;
  for (let i = 0; i < keys.length; i++) if (keys[i]! > max) max = keys[i]!;
  const offsets = new Uint32Array(max + 2);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k >= 0) offsets[k + 1] = offsets[k + 1]! + 1;
  }
  for (let k = 0; k <= max; k++) offsets[k + 1] = offsets[k + 1]! + offsets[k]!;
  const next = offsets.slice(0, max + 1);
  const items = new Uint32Array(offsets[max + 1] ?? 0);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k < 0) continue;
    items[next[k]!] = i;
    next[k] = next[k]! + 1;
  }
  return { offsets, items };
}

/** The instances of key `k` (none when no instance has it). */
function group(g: InstanceGrouping, k: number): Uint32Array {
  return k + 1 < g.offsets.length ? g.items.subarray(g.offsets[k]!, g.offsets[k + 1]!) : new Uint32Array(0);
}

/**
 * Open cases and events per caseworker per week before the waiting step of edge `x`, so a
 * manager sees whether the wait is capacity (it grows with the load) or routing (it does not).
 * `index` (`indexInstances(inst)`) saves the scans of every instance when several edges are asked.
 */
export function workloadAround(tr: Transitions, x: number, inst: ActivityInstances, index = indexInstances(inst)): Workload {
  const ts = tr.byEdge.subarray(tr.edgeOffsets[x]!, tr.edgeOffsets[x + 1]!);
  const to = tr.edgeTo[x]!;
  const workers = new Set<number>();
  const ofStep = group(index.byActivity, to);
  for (let j = 0; j < ofStep.length; j++) if (inst.resource[ofStep[j]!]! >= 0) workers.add(inst.resource[ofStep[j]!]!);
  let w0 = Infinity;
  let w1 = -Infinity;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    w0 = Math.min(w0, weekNumber(tr.fromEnd[t]!));
    w1 = Math.max(w1, weekNumber(tr.toStart[t]!));
  }
  if (!(w1 >= w0))
    return { weeks: [], caseworkers: workers.size, loadCorrelation: Number.NaN, queueCorrelation: Number.NaN, verdict: 'unknown' };
  const span = w1 - w0 + 1;
  const open = new Int32Array(span + 1);
  // The waits by the week they began: week w's are waits[waitOffsets[w]..waitOffsets[w + 1]).
  const waitOffsets = new Uint32Array(span + 1);
  const startWeek = new Int32Array(ts.length);
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    const a = weekNumber(tr.fromEnd[t]!) - w0;
    const b = weekNumber(tr.toStart[t]!) - w0;
    open[a] = open[a]! + 1;
    open[b + 1] = open[b + 1]! - 1;
    startWeek[i] = a;
    waitOffsets[a + 1] = waitOffsets[a + 1]! + 1;
  }
  for (let w = 0; w < span; w++) waitOffsets[w + 1] = waitOffsets[w + 1]! + waitOffsets[w]!;
  const waits = new Float64Array(ts.length);
  const fill = waitOffsets.slice(0, span);
  for (let i = 0; i < ts.length; i++) {
    const a = startWeek[i]!;
    waits[fill[a]!] = tr.wait[ts[i]!]!;
    fill[a] = fill[a]! + 1;
  }
  const events = new Float64Array(span);
  // Caseworkers active per week: one worker at a time, each week counted once per worker (`seenBy`).
  const active = new Int32Array(span);
  const seenBy = new Int32Array(span).fill(-1);
  for (const r of workers) {
    const mine = group(index.byResource, r);
    for (let j = 0; j < mine.length; j++) {
      const w = index.endWeek[mine[j]!]! - w0;
      if (w < 0 || w >= span) continue;
      events[w] = events[w]! + 1;
      if (seenBy[w] !== r) {
        seenBy[w] = r;
        active[w] = active[w]! + 1;
      }
    }
  }
  const weeks: WorkloadWeek[] = [];
  let running = 0;
  for (let w = 0; w < span; w++) {
    running += open[w]!;
    const week = waits.subarray(waitOffsets[w]!, waitOffsets[w + 1]!).sort();
    const median = week.length === 0 ? Number.NaN : (week[(week.length - 1) >> 1]! + week[week.length >> 1]!) / 2;
    weeks.push({
      weekStart: weekStartMs(w + w0),
      openCases: running,
      eventsPerCaseworker: active[w]! > 0 ? events[w]! / active[w]! : 0,
      medianWaitMs: median,
    });
  }
  const withWaits = weeks.filter((w) => !Number.isNaN(w.medianWaitMs));
  const load = pearson(
    withWaits.map((w) => w.eventsPerCaseworker),
    withWaits.map((w) => w.medianWaitMs),
  );
  const queue = pearson(
    withWaits.map((w) => w.openCases),
    withWaits.map((w) => w.medianWaitMs),
  );
  let verdict: Workload['verdict'] = 'unknown';
  if (withWaits.length >= 4 && workers.size > 0 && !(Number.isNaN(load) && Number.isNaN(queue))) {
    const r = Math.max(Number.isNaN(load) ? -1 : load, Number.isNaN(queue) ? -1 : queue);
    verdict = r >= 0.5 ? 'capacity' : r < 0.2 ? 'routing' : 'mixed';
  }
  return { weeks, caseworkers: workers.size, loadCorrelation: load, queueCorrelation: queue, verdict };
}

/** Pearson's correlation coefficient; NaN with under 2 points or no variance. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return Number.NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

import type { ActivityInstances } from '../lifecycle/activity-instances';
import type { Transitions } from './transitions';
import { doersOf, indexInstances, weekNumber, workersLoad } from './workload-index';

export { indexInstances, weekNumber, type InstanceIndex } from './workload-index';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

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

/**
 * Open cases and events per caseworker per week before the waiting step of edge `x`, so a
 * manager sees whether the wait is capacity (it grows with the load) or routing (it does not).
 * `index` (`indexInstances(inst)`: instances per caseworker and week) is built once when several edges are asked.
 */
export function workloadAround(tr: Transitions, x: number, inst: ActivityInstances, index = indexInstances(inst)): Workload {
  const lo = tr.edgeOffsets[x]!;
  const count = tr.edgeOffsets[x + 1]! - lo;
  const to = tr.edgeTo[x]!;
  const { workers, count: caseworkers } = doersOf(index, to, inst.resources.length);
  const fromWeek = new Int32Array(count);
  const toWeek = new Int32Array(count);
  waitWeeksInto(tr, lo, fromWeek, toWeek);
  const w0 = minOf(fromWeek);
  const w1 = maxOf(toWeek);
  if (!(w1 >= w0)) return { weeks: [], caseworkers, loadCorrelation: Number.NaN, queueCorrelation: Number.NaN, verdict: 'unknown' };
  const span = w1 - w0 + 1;
  const { open, waitOffsets, waits } = waitsByWeek(tr, lo, fromWeek, toWeek, w0, span);
  // Events per week of the step's caseworkers, and how many of them were active that week.
  const { events, active } = workersLoad(index, workers, w0, span);
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
  if (withWaits.length >= 4 && caseworkers > 0 && !(Number.isNaN(load) && Number.isNaN(queue))) {
    const r = Math.max(Number.isNaN(load) ? -1 : load, Number.isNaN(queue) ? -1 : queue);
    verdict = r >= 0.5 ? 'capacity' : r < 0.2 ? 'routing' : 'mixed';
  }
  return { weeks, caseworkers, loadCorrelation: load, queueCorrelation: queue, verdict };
}

// The loops over an edge's transitions are functions of their own: compiled on stack (OSR) inside
// `workloadAround`, they left its code after them without type feedback, to be compiled again.

/** The week each of the edge's transitions `lo ..` began waiting (`fromWeek`) and ended (`toWeek`). */
function waitWeeksInto(tr: Transitions, lo: number, fromWeek: Int32Array, toWeek: Int32Array): void {
  for (let i = 0; i < fromWeek.length; i++) {
    const t = lo + i;
    fromWeek[i] = weekNumber(tr.end[tr.next[t]! - 1]!);
    toWeek[i] = weekNumber(tr.start[tr.next[t]!]!);
  }
}

function minOf(values: Int32Array): number {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) min = Math.min(min, values[i]!);
  return min;
}

function maxOf(values: Int32Array): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!);
  return max;
}

/**
 * The open-case changes per week (`open[w]`: waits begun minus waits ended the week before) and the
 * waits by the week they began: week w's are `waits[waitOffsets[w] .. waitOffsets[w + 1])`, in
 * transition order. Weeks count from `w0`; `fromWeek` is rewritten to those week offsets.
 */
function waitsByWeek(
  tr: Transitions,
  lo: number,
  fromWeek: Int32Array,
  toWeek: Int32Array,
  w0: number,
  span: number,
): { open: Int32Array; waitOffsets: Uint32Array; waits: Float64Array } {
  const open = new Int32Array(span + 1);
  const waitOffsets = new Uint32Array(span + 1);
  countByWeek(fromWeek, toWeek, w0, open, waitOffsets);
  for (let w = 0; w < span; w++) waitOffsets[w + 1] = waitOffsets[w + 1]! + waitOffsets[w]!;
  const waits = new Float64Array(fromWeek.length);
  fillByWeek(tr.wait, lo, fromWeek, waitOffsets.slice(0, span), waits);
  return { open, waitOffsets, waits };
}

/** Counts the waits begun (`open[a]` up, `waitOffsets[a + 1]` up) and ended (`open[b + 1]` down) per week; rewrites `fromWeek` to a. */
function countByWeek(fromWeek: Int32Array, toWeek: Int32Array, w0: number, open: Int32Array, waitOffsets: Uint32Array): void {
  for (let i = 0; i < fromWeek.length; i++) {
    const a = fromWeek[i]! - w0;
    const b = toWeek[i]! - w0;
    open[a] = open[a]! + 1;
    open[b + 1] = open[b + 1]! - 1;
    fromWeek[i] = a;
    waitOffsets[a + 1] = waitOffsets[a + 1]! + 1;
  }
}

/** Writes each wait `wait[lo + i]` into `waits` by the week it began, week a's from `fill[a]` on. */
function fillByWeek(wait: Float64Array, lo: number, fromWeek: Int32Array, fill: Uint32Array, waits: Float64Array): void {
  for (let i = 0; i < fromWeek.length; i++) {
    const a = fromWeek[i]!;
    waits[fill[a]!] = wait[lo + i]!;
    fill[a] = fill[a]! + 1;
  }
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

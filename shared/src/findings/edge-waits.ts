import { compareText } from '../compare-text';
import type { CaseCodes } from './case-codes';
import { groupedMedians, medianInPlace } from './grouped-median';
import { monthlyTrend, type Trend } from './trend';
import type { Transitions } from './transitions';

/** Waiting time of one edge in one jobcenter. */
export interface JobcenterWait {
  jobcenter: string;
  cases: number;
  transitions: number;
  medianWaitMs: number;
  /** cases x (this jobcenter's median - the best jobcenter's median), 0 when not slower. */
  timeLostMs: number;
}

/** Waiting time of one edge in one month (month of case start). */
export interface MonthWait {
  period: string;
  cases: number;
  transitions: number;
  medianWaitMs: number;
}

/** Waiting time on one edge (from -> to) of the process, compared across jobcenters and months. */
export interface EdgeWait {
  /** Index of the edge in the `Transitions` it was computed from. */
  edge: number;
  from: string;
  to: string;
  transitions: number;
  /** Distinct cases that took the edge. */
  cases: number;
  medianWaitMs: number;
  meanWaitMs: number;
  /** Median waiting time in working time on the Danish calendar; null until `withWorkingWaits` fills it. */
  medianWorkingWaitMs: number | null;
  /** Jobcenters with at least k cases on the edge, fastest first. */
  byJobcenter: JobcenterWait[];
  bestJobcenter: string | null;
  bestMedianWaitMs: number | null;
  /**
   * Time lost = cases x (the edge's median wait - the best jobcenter's median wait on it, when
   * that is smaller); 0 when no jobcenter with at least k cases is faster.
   */
  timeLostMs: number;
  /** Time lost scaled from the log's span to a year. */
  timeLostPerYearMs: number;
  /** Months with at least k cases on the edge, in order. */
  byMonth: MonthWait[];
  trend: Trend;
}

/** What `edgeWaits` needs besides the transitions. */
export interface EdgeWaitContext {
  transitions: Transitions;
  activities: readonly string[];
  jobcenters: CaseCodes;
  periods: CaseCodes;
  minGroupSize: number;
  yearFactor: number;
}

/**
 * Waiting time per edge, per jobcenter and per month, with time lost against the best
 * jobcenter and the monthly trend. Every figure comes from groups of at least k cases; edges
 * with fewer than k cases are left out. Sorted by time lost, then median wait, then names.
 *
 * @example edgeWaits(ctx)[0] // { from: 'Tilmelding', to: 'Første jobsamtale', timeLostMs: ..., ... }
 */
export function edgeWaits(ctx: EdgeWaitContext): EdgeWait[] {
  const { transitions: tr, jobcenters, periods, minGroupSize: k } = ctx;
  const out: EdgeWait[] = [];
  const periodOrder = periods.names.map((_, i) => i).sort((a, b) => compareText(periods.names[a]!, periods.names[b]!));
  const rank = new Int32Array(periodOrder.length);
  periodOrder.forEach((p, i) => (rank[p] = i));
  // One buffer for every edge's values: the largest edge's transitions.
  let largest = 0;
  for (let x = 0; x < tr.edgeFrom.length; x++) largest = Math.max(largest, tr.edgeOffsets[x + 1]! - tr.edgeOffsets[x]!);
  const scratch = new Float64Array(largest);
  for (let x = 0; x < tr.edgeFrom.length; x++) {
    const lo = tr.edgeOffsets[x]!;
    const hi = tr.edgeOffsets[x + 1]!;
    let cases = 0;
    let last = -1;
    let sum = 0;
    for (let t = lo; t < hi; t++) {
      if (tr.caseOf[t] !== last) {
        last = tr.caseOf[t]!;
        cases++;
      }
      sum += tr.wait[t]!;
    }
    if (cases < k) continue;
    const own = scratch.subarray(0, hi - lo);
    own.set(tr.wait.subarray(lo, hi));
    const median = medianInPlace(own);
    // With one jobcenter its group holds every transition of the edge: its median is the edge's.
    const jcGroups =
      jobcenters.names.length === 1
        ? [{ group: 0, count: hi - lo, cases, medianMs: median }]
        : groupedMedians(lo, hi, tr.wait, tr.caseOf, jobcenters.codes, jobcenters.names.length, scratch);
    const byJc = jcGroups
      .filter((g) => g.cases >= k)
      .sort((a, b) => a.medianMs - b.medianMs || compareText(jobcenters.names[a.group]!, jobcenters.names[b.group]!));
    const best = byJc[0];
    const bestMedian = best ? best.medianMs : null;
    const timeLost = bestMedian !== null && bestMedian < median ? cases * (median - bestMedian) : 0;
    const byMonthRaw = groupedMedians(lo, hi, tr.wait, tr.caseOf, periods.codes, periods.names.length, scratch).filter((g) => g.cases >= k);
    byMonthRaw.sort((a, b) => rank[a.group]! - rank[b.group]!);
    const byMonth = byMonthRaw.map((g) => ({
      period: periods.names[g.group]!,
      cases: g.cases,
      transitions: g.count,
      medianWaitMs: g.medianMs,
    }));
    out.push({
      edge: x,
      from: ctx.activities[tr.edgeFrom[x]!]!,
      to: ctx.activities[tr.edgeTo[x]!]!,
      transitions: hi - lo,
      cases,
      medianWaitMs: median,
      meanWaitMs: sum / (hi - lo),
      medianWorkingWaitMs: null,
      byJobcenter: byJc.map((g) => ({
        jobcenter: jobcenters.names[g.group]!,
        cases: g.cases,
        transitions: g.count,
        medianWaitMs: g.medianMs,
        timeLostMs: bestMedian !== null && bestMedian < g.medianMs ? g.cases * (g.medianMs - bestMedian) : 0,
      })),
      bestJobcenter: best ? jobcenters.names[best.group]! : null,
      bestMedianWaitMs: bestMedian,
      timeLostMs: timeLost,
      timeLostPerYearMs: timeLost * ctx.yearFactor,
      byMonth,
      trend: monthlyTrend(
        byMonth.map((m) => m.period),
        byMonth.map((m) => m.medianWaitMs),
        median,
      ),
    });
  }
  return out.sort(
    (a, b) => b.timeLostMs - a.timeLostMs || b.medianWaitMs - a.medianWaitMs || compareText(a.from, b.from) || compareText(a.to, b.to),
  );
}

/**
 * The median waiting time of edge `x` counted in working time (`working(from, to)`, the
 * calendar of the rules), for the few edges a report shows: it costs a calendar walk per transition.
 */
export function workingMedianWait(tr: Transitions, x: number, working: (fromMs: number, toMs: number) => number): number {
  const lo = tr.edgeOffsets[x]!;
  const values = new Float64Array(tr.edgeOffsets[x + 1]! - lo);
  for (let i = 0; i < values.length; i++) {
    const to = tr.next[lo + i]!;
    const fromMs = tr.end[to - 1]!;
    const toMs = tr.start[to]!;
    values[i] = toMs > fromMs ? working(fromMs, toMs) : 0;
  }
  return medianInPlace(values);
}

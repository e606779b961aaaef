import type { CaseCodes } from './case-codes';
import { edgeWaitTable } from './edge-wait-table';
import { medianInPlace } from './grouped-median';
import type { Trend } from './trend';
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
 * (`edgeWaitTable` gives the same figures edge by edge, as far as they are read.)
 *
 * @example edgeWaits(ctx)[0] // { from: 'Tilmelding', to: 'Første jobsamtale', timeLostMs: ..., ... }
 */
export function edgeWaits(ctx: EdgeWaitContext): EdgeWait[] {
  return edgeWaitTable(ctx).all();
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

import type { FindingContext } from './build-findings';
import type { EdgeWait } from './edge-waits';
import { findingId } from './finding-id';
import type { Finding } from './types';
import type { Workload } from './workload';

/** A marked bottleneck edge with the workload around its waiting step. */
export interface BottleneckEdge extends EdgeWait {
  workload: Workload;
}

const DAY_MS = 86_400_000;

/**
 * One finding per marked bottleneck edge, ranked by time lost: the waits, the best and the
 * slowest jobcenter, the trend and the workload verdict as evidence; the cases that waited
 * longest as case-level evidence. Valued at the optimised-workflow figure.
 */
export function bottleneckFindings(edges: readonly BottleneckEdge[], ctx: FindingContext): Finding[] {
  return edges.map((e, i) => {
    const place = {
      kind: 'bottleneck' as const,
      process: ctx.process,
      jobcenter: '',
      activity: null,
      fromActivity: e.from,
      toActivity: e.to,
      rule: null,
    };
    const slowest = e.byJobcenter[e.byJobcenter.length - 1];
    return {
      id: findingId(place),
      ...place,
      rank: i + 1,
      cases: e.cases,
      valueDkk: ctx.settings.optimisedWorkflowDkk,
      evidence: {
        transitions: e.transitions,
        medianWaitMs: e.medianWaitMs,
        meanWaitMs: e.meanWaitMs,
        medianWorkingWaitMs: e.medianWorkingWaitMs,
        bestJobcenter: e.bestJobcenter,
        bestMedianWaitMs: e.bestMedianWaitMs,
        slowestJobcenter: slowest && e.byJobcenter.length > 1 ? slowest.jobcenter : null,
        slowestMedianWaitMs: slowest && e.byJobcenter.length > 1 ? slowest.medianWaitMs : null,
        timeLostMs: e.timeLostMs,
        timeLostDaysPerYear: e.timeLostPerYearMs / DAY_MS,
        trend: e.trend.direction,
        trendMsPerMonth: Number.isNaN(e.trend.slopePerMonth) ? null : e.trend.slopePerMonth,
        workload: e.workload.verdict,
        caseworkers: e.workload.caseworkers,
      },
      caseIds: longestWaits(e, ctx),
    };
  });
}

/**
 * The cases that waited longest on the edge, longest first (ties by the earlier transition):
 * each case's longest wait, then the `evidenceCases` longest of those, kept in a short sorted list.
 */
export function longestWaits(e: EdgeWait, ctx: FindingContext): string[] {
  const { caseOf, wait } = ctx.transitions;
  const lo = ctx.transitions.edgeOffsets[e.edge]!;
  const hi = ctx.transitions.edgeOffsets[e.edge + 1]!;
  const top: number[] = [];
  offerLongestOfEachCase(top, ctx.settings.evidenceCases, caseOf, wait, lo, hi);
  return top.map((t) => ctx.log.caseIds[caseOf[t]!]!);
}

// The loop is a function of its own, which ends with it (it offers the last case inside: t = hi
// closes it), and `offer` and `waitsLonger` are module functions, not closures made at each call:
// the code compiled on stack for the loop left no code without type feedback to deoptimise at each
// call, and new closures no call target to deoptimise.

/** Offers each case's longest wait among the transitions `lo .. hi-1` (its first of equals) to `top`. */
function offerLongestOfEachCase(top: number[], k: number, caseOf: Uint32Array, wait: Float64Array, lo: number, hi: number): void {
  // A case's transitions on the edge are adjacent.
  let best = -1;
  for (let t = lo; t <= hi; t++) {
    if (t < hi && best >= 0 && caseOf[t] === caseOf[best]) {
      if (wait[t]! > wait[best]!) best = t;
      continue;
    }
    if (best >= 0) offer(top, k, wait, best);
    best = t;
  }
}

/** Puts transition `t` into `top` (the at most `k` longest waits, sorted) if it belongs there. */
function offer(top: number[], k: number, wait: Float64Array, t: number): void {
  if (top.length >= k && !waitsLonger(wait, t, top[k - 1]!)) return;
  let at = top.length;
  while (at > 0 && waitsLonger(wait, t, top[at - 1]!)) at--;
  top.splice(at, 0, t);
  if (top.length > k) top.pop();
}

/** Whether transition `a` ranks before `b`: a longer wait, or an equal wait and an earlier transition. */
function waitsLonger(wait: Float64Array, a: number, b: number): boolean {
  return wait[a]! > wait[b]! || (wait[a] === wait[b] && a < b);
}

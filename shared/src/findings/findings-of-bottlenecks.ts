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

function longestWaits(e: EdgeWait, ctx: FindingContext): string[] {
  const tr = ctx.transitions;
  const ts = Array.from(tr.byEdge.subarray(tr.edgeOffsets[e.edge]!, tr.edgeOffsets[e.edge + 1]!));
  ts.sort((a, b) => tr.wait[b]! - tr.wait[a]! || a - b);
  const out: string[] = [];
  const seen = new Set<number>();
  for (const t of ts) {
    if (out.length >= ctx.settings.evidenceCases) break;
    const c = tr.caseOf[t]!;
    if (seen.has(c)) continue;
    seen.add(c);
    out.push(ctx.log.caseIds[c]!);
  }
  return out;
}

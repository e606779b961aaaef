import { compareText } from '../compare-text';
import { MisuseError, quote } from '../errors';
import type { EdgeWait, EdgeWaitContext } from './edge-waits';
import { groupedMedians, medianInPlace } from './grouped-median';
import { monthlyTrend } from './trend';

/** An edge with at least k cases as the bottleneck definition reads it: its cases and its median wait. */
export interface EdgeCandidate {
  /** Index of the edge in the `Transitions` it was computed from. */
  edge: number;
  from: string;
  to: string;
  /** Distinct cases that took the edge. */
  cases: number;
  medianWaitMs: number;
}

/**
 * The waits of a process's edges, computed as far as they are read: each edge with at least k
 * cases gets its cases and median wait at once (what `markBottlenecks` reads); its jobcenters,
 * months, time lost and trend (`EdgeWait`) when first asked for, so the findings compute them for
 * the few marked edges only. The figures are those `edgeWaits` gives for every edge.
 */
export interface EdgeWaitTable {
  /** The edges with at least k cases, in edge order. */
  candidates: EdgeCandidate[];
  /** The full waits of candidate edge `edge`: computed on the first call, the same object after. */
  wait(edge: number): EdgeWait;
  /** Every candidate's full waits, by time lost, then median wait, then names (as `edgeWaits`). */
  all(): EdgeWait[];
}

/**
 * Builds the `EdgeWaitTable` of some transitions: one median per edge with at least k cases now,
 * the rest on demand.
 *
 * @example
 * const table = edgeWaitTable(ctx);
 * const marked = markBottlenecks(table.candidates, { minGroupSize: 5, totalCases: 1000 });
 * const first = table.wait(table.candidates[marked[0]].edge);
 */
export function edgeWaitTable(ctx: EdgeWaitContext): EdgeWaitTable {
  const tr = ctx.transitions;
  // One buffer for every edge's values: the largest edge's transitions.
  let largest = 0;
  for (let x = 0; x < tr.edgeFrom.length; x++) largest = Math.max(largest, tr.edgeOffsets[x + 1]! - tr.edgeOffsets[x]!);
  const scratch = new Float64Array(largest);
  const candidates: EdgeCandidate[] = [];
  const candidateOf = new Int32Array(tr.edgeFrom.length).fill(-1);
  for (let x = 0; x < tr.edgeFrom.length; x++) {
    const lo = tr.edgeOffsets[x]!;
    const hi = tr.edgeOffsets[x + 1]!;
    let cases = 0;
    let last = -1;
    for (let t = lo; t < hi; t++) {
      if (tr.caseOf[t] !== last) {
        last = tr.caseOf[t]!;
        cases++;
      }
    }
    if (cases < ctx.minGroupSize) continue;
    const own = scratch.subarray(0, hi - lo);
    own.set(tr.wait.subarray(lo, hi));
    candidateOf[x] = candidates.length;
    candidates.push({
      edge: x,
      from: ctx.activities[tr.edgeFrom[x]!]!,
      to: ctx.activities[tr.edgeTo[x]!]!,
      cases,
      medianWaitMs: medianInPlace(own),
    });
  }
  const full = new Map<number, EdgeWait>();
  let rank: Int32Array | null = null;
  const wait = (edge: number): EdgeWait => {
    let out = full.get(edge);
    if (!out) {
      const candidate = candidates[candidateOf[edge] ?? -1];
      if (!candidate) {
        throw new MisuseError(
          `edgeWaitTable: edge ${quote(edge)} has fewer than ${ctx.minGroupSize} cases or does not exist, expected a candidate's edge`,
        );
      }
      rank ??= periodRank(ctx.periods.names);
      full.set(edge, (out = edgeWait(ctx, candidate, rank, scratch)));
    }
    return out;
  };
  return {
    candidates,
    wait,
    all: () =>
      candidates
        .map((c) => wait(c.edge))
        .sort(
          (a, b) =>
            b.timeLostMs - a.timeLostMs || b.medianWaitMs - a.medianWaitMs || compareText(a.from, b.from) || compareText(a.to, b.to),
        ),
  };
}

/** Rank of each period name in name order. */
function periodRank(names: readonly string[]): Int32Array {
  const order = names.map((_, i) => i).sort((a, b) => compareText(names[a]!, names[b]!));
  const rank = new Int32Array(order.length);
  order.forEach((p, i) => (rank[p] = i));
  return rank;
}

/** The full waits of one candidate edge; `scratch` holds at least its transitions' values. */
function edgeWait(ctx: EdgeWaitContext, c: EdgeCandidate, rank: Int32Array, scratch: Float64Array): EdgeWait {
  const { transitions: tr, jobcenters, periods, minGroupSize: k } = ctx;
  const lo = tr.edgeOffsets[c.edge]!;
  const hi = tr.edgeOffsets[c.edge + 1]!;
  let sum = 0;
  for (let t = lo; t < hi; t++) sum += tr.wait[t]!;
  const { cases, medianWaitMs: median } = c;
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
  return {
    edge: c.edge,
    from: c.from,
    to: c.to,
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
  };
}

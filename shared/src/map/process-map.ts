import type { FineHistogram } from '../histogram/fine-buckets';
import type { Dfg } from '../dfg/discover-dfg';
import { STEP_END, STEP_START } from '../steps/types';
import { compareText } from '../compare-text';

/** A node of a process map: an activity, or the STEP_START / STEP_END markers. */
export interface ProcessMapNode {
  activity: string;
  /** Events of the activity (cases, for START and END). */
  count: number;
  /** Distinct cases with the activity. */
  cases: number;
}

/** An edge of a process map. */
export interface ProcessMapEdge {
  from: string;
  to: string;
  /** Transitions. */
  count: number;
  /** Distinct cases with the transition. */
  cases: number;
  /** Total seconds over all transitions (0 for START and END edges). */
  sumSeconds: number;
  /** Transition durations per duration bucket (`BUCKET_COUNT` counts), when known. */
  histogram?: number[];
  /** Transition durations per fine bucket (counts and summed seconds), when known. */
  fine?: FineHistogram;
  /**
   * Set by `simplifyMap` on an edge that carries flow through removed activities:
   * its count, cases and seconds are then estimates, not exact.
   */
  abstracted?: boolean;
}

/**
 * A process map as both the service and the visual draw it: a graph independent of
 * `EventLog`, so the visual can build one from step rows alone. START and END are
 * nodes; edges from START give the start activities, edges to END the end activities.
 */
export interface ProcessMap {
  nodes: ProcessMapNode[];
  edges: ProcessMapEdge[];
}

/**
 * The process map of a directly-follows graph (no histograms; use
 * `aggregateSteps(discoverSteps(log)).map` to get them).
 */
export function processMapFromDfg(dfg: Dfg): ProcessMap {
  const nodes: ProcessMapNode[] = [{ activity: STEP_START, count: dfg.caseCount, cases: dfg.caseCount }];
  for (const [activity, count] of dfg.activityCounts) {
    nodes.push({ activity, count, cases: dfg.activityCases.get(activity) ?? 0 });
  }
  nodes.push({ activity: STEP_END, count: dfg.caseCount, cases: dfg.caseCount });
  const edges: ProcessMapEdge[] = [];
  for (const [activity, count] of dfg.startActivities) edges.push({ from: STEP_START, to: activity, count, cases: count, sumSeconds: 0 });
  for (const e of dfg.edges) edges.push({ from: e.from, to: e.to, count: e.count, cases: e.cases, sumSeconds: e.duration.sum / 1000 });
  for (const [activity, count] of dfg.endActivities) edges.push({ from: activity, to: STEP_END, count, cases: count, sumSeconds: 0 });
  return { nodes, edges: sortEdges(edges) };
}

/** Sorts edges most transitions first, ties by from then to name (in place; returns it). */
export function sortEdges<T extends { from: string; to: string; count: number }>(edges: T[]): T[] {
  return edges.sort((x, y) => y.count - x.count || compareText(x.from, y.from) || compareText(x.to, y.to));
}

import { MisuseError, quote } from '../errors';
import type { ProcessMap, ProcessMapEdge, ProcessMapNode } from '../map/process-map';
import { sortEdges } from '../map/process-map';
import { STEP_END, STEP_START } from '../steps/types';
import { edgeKey, eliminateActivity, type EdgeTable } from './eliminate-activity';
import { connectKeptNodes } from './connect';
import { compareText } from '../compare-text';

/** The two knobs of `simplifyMap`, both 0..100 (100 = keep everything). */
export interface SimplifyOptions {
  /** Share of activities to keep, most frequent first. */
  activityPercent: number;
  /** Share of the paths (edges between kept nodes) to keep, most transitions first. */
  pathPercent: number;
  /**
   * Activities ranked before all others, so they are kept first (e.g. the ends of the
   * bottlenecks a performance view marks). Default none.
   */
  keepActivities?: readonly string[];
}

/**
 * Simplifies a process map with Disco's two sliders. Deterministic (ties by name).
 *
 * 1. Activities: rank by events (ties by name), `keepActivities` first, and keep the first
 *    `ceil(activityPercent% * n)`, at least one. START and END always stay.
 * 2. Removed activities are eliminated least frequent first; their flow is rerouted
 *    onto edges between their neighbours (`eliminateActivity`), so a kept activity
 *    that was only reached through a removed one stays connected, like Disco's view
 *    of the log projected on the kept activities. Rerouted edges are `abstracted`:
 *    their numbers are estimates, every other edge keeps its exact numbers.
 * 3. Paths: rank the remaining edges by transitions (ties by from, to) and keep the
 *    first `ceil(pathPercent% * m)`.
 * 4. Repair: while a kept node is not reachable from START, add the strongest unkept
 *    edge from a reached to an unreached node; then, while a kept node cannot reach
 *    END, add the strongest unkept edge from such a node to one that can (`connectKeptNodes`).
 *    So `pathPercent: 0` gives a thin map where every activity still lies on a path
 *    from START to END (when the input map had one).
 *
 * @example simplifyMap(map, { activityPercent: 60, pathPercent: 20 })
 */
export function simplifyMap(map: ProcessMap, options: SimplifyOptions): ProcessMap {
  const { activityPercent, pathPercent } = options;
  for (const [name, value] of [
    ['activityPercent', activityPercent],
    ['pathPercent', pathPercent],
  ] as const) {
    if (!(value >= 0 && value <= 100)) {
      throw new MisuseError(`simplifyMap: ${name} is out of range, got ${quote(value)}, expected a number from 0 to 100`);
    }
  }
  const isMarker = (a: string) => a === STEP_START || a === STEP_END;
  const first = new Set(options.keepActivities ?? []);
  const activities = map.nodes
    .filter((n) => !isMarker(n.activity))
    .sort((x, y) => Number(first.has(y.activity)) - Number(first.has(x.activity)) || byCountThenName(x, y));
  const keepCount = activities.length === 0 ? 0 : Math.max(1, Math.ceil((activityPercent / 100) * activities.length - 1e-9));
  const kept = new Set(activities.slice(0, keepCount).map((n) => n.activity));
  const edges: EdgeTable = new Map();
  for (const e of map.edges) edges.set(edgeKey(e.from, e.to), { ...e, histogram: e.histogram?.slice() });
  for (const e of edges.values()) if (e.histogram === undefined) delete e.histogram;
  for (const e of edges.values()) if (e.fine === undefined) delete e.fine;
  for (const node of activities.slice(keepCount).reverse()) eliminateActivity(edges, node.activity);
  const ranked = sortEdges([...edges.values()]);
  const pathCount = Math.ceil((pathPercent / 100) * ranked.length - 1e-9);
  const keptEdges = new Set<ProcessMapEdge>(ranked.slice(0, pathCount));
  const nodes = map.nodes.filter((n) => isMarker(n.activity) || kept.has(n.activity));
  connectKeptNodes(
    nodes.map((n) => n.activity),
    ranked,
    keptEdges,
  );
  const out = ranked.filter((e) => keptEdges.has(e)).map(roundAbstracted);
  return { nodes: nodes.map((n) => ({ ...n })), edges: sortEdges(out) };
}

function byCountThenName(x: ProcessMapNode, y: ProcessMapNode): number {
  return y.count - x.count || compareText(x.activity, y.activity);
}

function roundAbstracted(e: ProcessMapEdge): ProcessMapEdge {
  if (!e.abstracted) return e;
  const count = Math.max(1, Math.round(e.count));
  return { ...e, count, cases: Math.min(count, Math.max(1, Math.round(e.cases))) };
}

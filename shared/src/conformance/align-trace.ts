import { InvalidModelError } from '../errors';
import { fire, isEnabled, markingKey, sameMarking, type Marking } from './marking';
import { labelsReachableFrom, type NetIndex } from './net-index';
import { PriorityQueue } from './priority-queue';

/** One step of an alignment; silent model steps are left out. */
export interface AlignmentMove {
  /** `sync`: log and model agree; `log`: done where the model does not allow it; `model`: required but skipped. */
  kind: 'sync' | 'log' | 'model';
  activity: string;
}

/** The optimal alignment of one trace, or the news that the search budget ran out. */
export type TraceAlignment =
  { status: 'aligned'; cost: number; moves: AlignmentMove[]; expanded: number } | { status: 'budget-exceeded'; expanded: number };

/** Default number of search states a trace may expand before it is given up. */
export const DEFAULT_ALIGNMENT_BUDGET = 200_000;

const MOVE_SYNC = 1;
const MOVE_LOG = 2;
const MOVE_MODEL = 3;
const MOVE_SILENT = 4;
const POS_SCALE = 1 << 20;

/**
 * An optimal alignment of `trace` with the net by A* over the synchronous product
 * (Adriansyah, van Dongen and van der Aalst 2011), with the standard costs: 1 for a
 * move on log only and for a visible move on model only, 0 for a synchronous move and
 * for a silent transition.
 *
 * The heuristic h(m, i) = u + max(0, d - r) is consistent, so the first time the
 * goal is popped its cost is optimal:
 * - u: events from i on whose label no transition reachable from m carries (each must
 *   be a log move);
 * - d: the largest `distanceToSink` over the marked places (visible model steps the
 *   model must still take);
 * - r: the other remaining events; at most r of the d model steps can be synchronous.
 * Markings with a token on the sink beside other tokens can never complete and are cut.
 *
 * @param budget the most states expanded; beyond it the result is `budget-exceeded`.
 */
export function alignTrace(index: NetIndex, trace: readonly string[], budget = DEFAULT_ALIGNMENT_BUDGET): TraceAlignment {
  const { net, labelId, firstInputOf, distanceToSink, sink } = index;
  const n = trace.length;
  const ids = trace.map((a) => index.labelIds.get(a) ?? -1);
  const scratch = new Uint32Array(index.words);

  const heuristic = (m: Marking, pos: number): number => {
    let d = 0;
    for (const p of m) {
      if (p === sink && m.length > 1) return Infinity;
      d = Math.max(d, distanceToSink[p]!);
    }
    if (d === Infinity) return Infinity;
    const reach = labelsReachableFrom(index, m, scratch);
    let unmatched = 0;
    let matchable = 0;
    for (let i = pos; i < n; i++) {
      const id = ids[i]!;
      if (id >= 0 && (reach[id >>> 5]! & (1 << (id & 31))) !== 0) matchable++;
      else unmatched++;
    }
    return unmatched + Math.max(0, d - matchable);
  };

  const markings: Marking[] = [];
  const positions: number[] = [];
  const costs: number[] = [];
  const parents: number[] = [];
  const kinds: number[] = [];
  const steps: number[] = [];
  const closed: boolean[] = [];
  const seen = new Map<string, number>();
  const queue = new PriorityQueue();

  const visit = (m: Marking, pos: number, g: number, parent: number, kind: number, step: number) => {
    const key = `${pos}|${markingKey(m)}`;
    let id = seen.get(key);
    if (id !== undefined && (closed[id] || costs[id]! <= g)) return;
    const h = heuristic(m, pos);
    if (h === Infinity) return;
    if (id === undefined) {
      id = markings.length;
      seen.set(key, id);
      markings.push(m);
      positions.push(pos);
      costs.push(g);
      parents.push(parent);
      kinds.push(kind);
      steps.push(step);
      closed.push(false);
    } else {
      costs[id] = g;
      parents[id] = parent;
      kinds[id] = kind;
      steps[id] = step;
    }
    queue.push(id, (g + h) * POS_SCALE + (POS_SCALE - 1 - pos));
  };

  visit(net.initialMarking, 0, 0, -1, 0, -1);
  let expanded = 0;
  while (queue.size > 0) {
    const id = queue.pop();
    if (closed[id]) continue;
    closed[id] = true;
    const m = markings[id]!;
    const pos = positions[id]!;
    const g = costs[id]!;
    if (pos === n && sameMarking(m, net.finalMarking)) {
      return { status: 'aligned', cost: g, moves: movesOf(id, parents, kinds, steps, net.transitions, trace), expanded };
    }
    if (++expanded > budget) return { status: 'budget-exceeded', expanded: expanded - 1 };
    if (pos < n) visit(m, pos + 1, g + 1, id, MOVE_LOG, pos);
    let last = -1;
    for (const p of m) {
      if (p === last) continue;
      last = p;
      for (const t of firstInputOf[p]!) {
        const transition = net.transitions[t]!;
        if (!isEnabled(m, transition)) continue;
        const next = fire(m, transition);
        const label = labelId[t]!;
        if (label < 0) {
          visit(next, pos, g, id, MOVE_SILENT, t);
          continue;
        }
        if (pos < n && ids[pos] === label) visit(next, pos + 1, g, id, MOVE_SYNC, t);
        visit(next, pos, g + 1, id, MOVE_MODEL, t);
      }
    }
  }
  throw new InvalidModelError('alignTrace: the model has no complete run from its initial to its final marking');
}

function movesOf(
  goal: number,
  parents: readonly number[],
  kinds: readonly number[],
  steps: readonly number[],
  transitions: NetIndexTransitions,
  trace: readonly string[],
): AlignmentMove[] {
  const moves: AlignmentMove[] = [];
  for (let id = goal; parents[id]! >= 0; id = parents[id]!) {
    const kind = kinds[id]!;
    const step = steps[id]!;
    if (kind === MOVE_LOG) moves.push({ kind: 'log', activity: trace[step]! });
    else if (kind === MOVE_SYNC) moves.push({ kind: 'sync', activity: transitions[step]!.label! });
    else if (kind === MOVE_MODEL) moves.push({ kind: 'model', activity: transitions[step]!.label! });
  }
  return moves.reverse();
}

type NetIndexTransitions = NetIndex['net']['transitions'];

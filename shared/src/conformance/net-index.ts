import type { WorkflowNet } from './workflow-net';
import { checkWorkflowNet } from './check-workflow-net';
import type { Marking } from './marking';

/**
 * What the alignment search precomputes once per net:
 * - `firstInputOf[p]`: the transitions whose smallest input place is p, so each enabled
 *   transition is found once per marking;
 * - `labelId[t]`: the visible label of t as a small integer, -1 for silent;
 * - `distanceToSink[p]`: the fewest visible transitions on any path from p to the sink.
 *   A token on p can only leave the net through such a path, so the largest distance
 *   over the marked places is a lower bound on the visible model steps still to come;
 * - `reachableLabels[p]`: a bit set of the labels of every transition reachable from p.
 *   A label outside the union over the marked places can never fire again.
 */
export interface NetIndex {
  readonly net: WorkflowNet;
  readonly sink: number;
  readonly labels: readonly string[];
  readonly labelIds: ReadonlyMap<string, number>;
  readonly labelId: Int32Array;
  readonly firstInputOf: readonly (readonly number[])[];
  readonly distanceToSink: Float64Array;
  readonly reachableLabels: readonly Uint32Array[];
  readonly words: number;
}

/** Checks the net (see `checkWorkflowNet`) and builds its search index. */
export function indexNet(net: WorkflowNet): NetIndex {
  const { sink } = checkWorkflowNet(net);
  const labelIds = new Map<string, number>();
  const labelId = new Int32Array(net.transitions.length);
  net.transitions.forEach((t, i) => {
    if (t.label === null) {
      labelId[i] = -1;
      return;
    }
    let id = labelIds.get(t.label);
    if (id === undefined) labelIds.set(t.label, (id = labelIds.size));
    labelId[i] = id;
  });
  const firstInputOf: number[][] = net.places.map(() => []);
  net.transitions.forEach((t, i) => firstInputOf[t.inputs[0]!]!.push(i));
  const words = Math.max(1, Math.ceil(labelIds.size / 32));
  return {
    net,
    sink,
    labels: [...labelIds.keys()],
    labelIds,
    labelId,
    firstInputOf,
    distanceToSink: distances(net, sink, labelId),
    reachableLabels: net.places.map((_, p) => reachable(net, p, labelId, words)),
    words,
  };
}

function distances(net: WorkflowNet, sink: number, labelId: Int32Array): Float64Array {
  const dist = new Float64Array(net.places.length).fill(Infinity);
  dist[sink] = 0;
  let changed = true;
  while (changed) {
    changed = false;
    net.transitions.forEach((t, i) => {
      let best = Infinity;
      for (const q of t.outputs) best = Math.min(best, dist[q]!);
      const d = best + (labelId[i]! >= 0 ? 1 : 0);
      for (const p of t.inputs) {
        if (d < dist[p]!) {
          dist[p] = d;
          changed = true;
        }
      }
    });
  }
  return dist;
}

function reachable(net: WorkflowNet, start: number, labelId: Int32Array, words: number): Uint32Array {
  const bits = new Uint32Array(words);
  const seenPlace = new Uint8Array(net.places.length);
  const seenTransition = new Uint8Array(net.transitions.length);
  seenPlace[start] = 1;
  let changed = true;
  while (changed) {
    changed = false;
    net.transitions.forEach((t, i) => {
      if (seenTransition[i] || !t.inputs.some((p) => seenPlace[p])) return;
      seenTransition[i] = 1;
      changed = true;
      const id = labelId[i]!;
      if (id >= 0) bits[id >>> 5]! |= 1 << (id & 31);
      for (const q of t.outputs) seenPlace[q] = 1;
    });
  }
  return bits;
}

/** The union of `reachableLabels` over the marked places, into `out`. */
export function labelsReachableFrom(index: NetIndex, m: Marking, out: Uint32Array): Uint32Array {
  out.fill(0);
  let last = -1;
  for (const p of m) {
    if (p === last) continue;
    last = p;
    const bits = index.reachableLabels[p]!;
    for (let w = 0; w < out.length; w++) out[w]! |= bits[w]!;
  }
  return out;
}

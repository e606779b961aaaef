import type { ActivityInstances } from '../lifecycle/activity-instances';

/**
 * Every directly-follows step between activity instances of a case, with its waiting time:
 * the next instance's start minus the previous instance's end, floored at 0 (overlapping work).
 * Without start events an instance starts when it ends, so this is the time between events,
 * the same time the process map's edges carry.
 */
export interface Transitions {
  /** Activity ids of each distinct edge. */
  edgeFrom: number[];
  edgeTo: number[];
  /** Per transition: its edge, case, the end of the previous instance and the start of the next. */
  edge: Int32Array;
  caseOf: Uint32Array;
  fromEnd: Float64Array;
  toStart: Float64Array;
  wait: Float64Array;
  /** Transition indices grouped by edge: those of edge x are `byEdge[edgeOffsets[x] .. edgeOffsets[x+1]-1]`, in case order. */
  byEdge: Uint32Array;
  edgeOffsets: Uint32Array;
}

/** Up to this many possible edges (activities squared), edge ids are looked up in a typed array. */
const DENSE_MAX_EDGES = 1 << 20;

/** The transitions of paired activity instances; see `Transitions`. */
export function collectTransitions(inst: ActivityInstances): Transitions {
  const caseCount = inst.caseOffsets.length - 1;
  const n = Math.max(0, inst.activity.length - caseCount);
  const edge = new Int32Array(n);
  const caseOf = new Uint32Array(n);
  const fromEnd = new Float64Array(n);
  const toStart = new Float64Array(n);
  const wait = new Float64Array(n);
  const width = inst.activities.length;
  // Edge ids by (from, to) key: a typed array while the activities are few enough, else a Map.
  const dense = width * width <= DENSE_MAX_EDGES ? new Int32Array(width * width).fill(-1) : null;
  const edgeIndex = new Map<number, number>();
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  let k = 0;
  for (let c = 0; c < caseCount; c++) {
    for (let i = inst.caseOffsets[c]! + 1; i < inst.caseOffsets[c + 1]!; i++) {
      const a = inst.activity[i - 1]!;
      const b = inst.activity[i]!;
      const key = a * width + b;
      let x = dense !== null ? dense[key]! : (edgeIndex.get(key) ?? -1);
      if (x < 0) {
        x = edgeFrom.length;
        if (dense !== null) dense[key] = x;
        else edgeIndex.set(key, x);
        edgeFrom.push(a);
        edgeTo.push(b);
      }
      edge[k] = x;
      caseOf[k] = c;
      fromEnd[k] = inst.end[i - 1]!;
      toStart[k] = inst.start[i]!;
      wait[k++] = Math.max(0, inst.start[i]! - inst.end[i - 1]!);
    }
  }
  const edgeOffsets = new Uint32Array(edgeFrom.length + 1);
  for (let t = 0; t < k; t++) edgeOffsets[edge[t]! + 1]!++;
  for (let x = 0; x < edgeFrom.length; x++) edgeOffsets[x + 1]! += edgeOffsets[x]!;
  const fill = edgeOffsets.slice(0, edgeFrom.length);
  const byEdge = new Uint32Array(k);
  for (let t = 0; t < k; t++) byEdge[fill[edge[t]!]!++] = t;
  return {
    edgeFrom,
    edgeTo,
    edge: edge.subarray(0, k),
    caseOf: caseOf.subarray(0, k),
    fromEnd: fromEnd.subarray(0, k),
    toStart: toStart.subarray(0, k),
    wait: wait.subarray(0, k),
    byEdge,
    edgeOffsets,
  };
}

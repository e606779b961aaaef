import type { ActivityInstances } from '../lifecycle/activity-instances';

/**
 * Every directly-follows step between activity instances of a case, with its waiting time:
 * the next instance's start minus the previous instance's end, floored at 0 (overlapping work).
 * Without start events an instance starts when it ends, so this is the time between events,
 * the same time the process map's edges carry.
 */
export interface Transitions {
  /** Activity ids of each distinct edge, in the order the edges first occur (case by case). */
  edgeFrom: number[];
  edgeTo: number[];
  /**
   * Per transition: its case, the instance it leads to (`next`; it comes from instance `next - 1`)
   * and its wait. Transitions are grouped by edge: those of edge x are
   * `edgeOffsets[x] .. edgeOffsets[x+1]-1`, in case order.
   */
  caseOf: Uint32Array;
  next: Uint32Array;
  wait: Float64Array;
  edgeOffsets: Uint32Array;
  /** The instances' starts and ends (`ActivityInstances.start`, `.end`): transition t waits from `end[next[t] - 1]` to `start[next[t]]`. */
  start: Float64Array;
  end: Float64Array;
}

/** Up to this many possible edges (activities squared), edge ids are looked up in a typed array. */
const DENSE_MAX_EDGES = 1 << 20;

/**
 * The transitions of paired activity instances; see `Transitions`. Two passes: the first numbers
 * the edges, counts their transitions and notes each transition's edge, the second writes the
 * transition in its edge's range.
 */
export function collectTransitions(inst: ActivityInstances): Transitions {
  const caseCount = inst.caseOffsets.length - 1;
  let n = 0;
  for (let c = 0; c < caseCount; c++) n += Math.max(0, inst.caseOffsets[c + 1]! - inst.caseOffsets[c]! - 1);
  const width = inst.activities.length;
  // Edge ids by (from, to) key: a typed array while the activities are few enough, else a Map.
  const dense = width * width <= DENSE_MAX_EDGES ? new Int32Array(width * width).fill(-1) : null;
  const edgeIndex = new Map<number, number>();
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const counts: number[] = [];
  /** Per instance that follows another in its case: the edge it arrives by (read again by the second pass). */
  const edgeOf = new Int32Array(inst.activity.length);
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
        counts.push(0);
      }
      counts[x]!++;
      edgeOf[i] = x;
    }
  }
  const edgeOffsets = new Uint32Array(edgeFrom.length + 1);
  for (let x = 0; x < edgeFrom.length; x++) edgeOffsets[x + 1] = edgeOffsets[x]! + counts[x]!;
  const fill = edgeOffsets.slice(0, edgeFrom.length);
  const caseOf = new Uint32Array(n);
  const next = new Uint32Array(n);
  const wait = new Float64Array(n);
  for (let c = 0; c < caseCount; c++) {
    for (let i = inst.caseOffsets[c]! + 1; i < inst.caseOffsets[c + 1]!; i++) {
      const x = edgeOf[i]!;
      const t = fill[x]!;
      fill[x] = t + 1;
      caseOf[t] = c;
      next[t] = i;
      wait[t] = Math.max(0, inst.start[i]! - inst.end[i - 1]!);
    }
  }
  return { edgeFrom, edgeTo, caseOf, next, wait, edgeOffsets, start: inst.start, end: inst.end };
}

import { quantileInPlace } from '../statistics/select-quantile';

/** Median and count of the values of one group. */
export interface GroupMedian {
  group: number;
  /** Values in the group. */
  count: number;
  /** Distinct cases in the group. */
  cases: number;
  medianMs: number;
}

/**
 * Medians of `values[t]` per group `groupOfCase[caseOf[t]]` over the transitions `lo .. hi-1` (in
 * case order, so distinct cases are counted by change of `caseOf`). Groups with no values are left out.
 * `scratch` (at least `hi - lo` long, e.g. one buffer for all edges) holds the grouped values.
 */
export function groupedMedians(
  lo: number,
  hi: number,
  values: Float64Array,
  caseOf: Uint32Array,
  groupOfCase: Int32Array,
  groups: number,
  scratch: Float64Array = new Float64Array(hi - lo),
): GroupMedian[] {
  const counts = new Uint32Array(groups + 1);
  const cases = new Uint32Array(groups);
  countByGroup(lo, hi, caseOf, groupOfCase, counts, cases);
  for (let g = 0; g < groups; g++) counts[g + 1] = counts[g + 1]! + counts[g]!;
  const buffer = scratch;
  fillByGroup(lo, hi, values, caseOf, groupOfCase, counts.slice(0, groups), buffer);
  const out: GroupMedian[] = [];
  for (let g = 0; g < groups; g++) {
    const from = counts[g]!;
    const to = counts[g + 1]!;
    if (to === from) continue;
    out.push({ group: g, count: to - from, cases: cases[g]!, medianMs: quantileInPlace(buffer.subarray(from, to), 0.5).value });
  }
  return out;
}

// The loops over the transitions are functions of their own: compiled on stack (OSR) inside
// `groupedMedians`, they left its code after them without type feedback, to deoptimise at each call.

/** Counts the transitions `lo .. hi-1` of each group into `counts[g + 1]` and their distinct cases into `cases[g]`. */
function countByGroup(lo: number, hi: number, caseOf: Uint32Array, groupOfCase: Int32Array, counts: Uint32Array, cases: Uint32Array): void {
  let last = -1;
  let g = -1;
  for (let t = lo; t < hi; t++) {
    const c = caseOf[t]!;
    // A case's transitions are adjacent: its group and its count are taken once.
    if (c !== last) {
      last = c;
      g = groupOfCase[c]!;
      cases[g] = cases[g]! + 1;
    }
    counts[g + 1] = counts[g + 1]! + 1;
  }
}

/** Writes `values[t]` of the transitions `lo .. hi-1` into `buffer` by group, each group from `fill[g]` on. */
function fillByGroup(
  lo: number,
  hi: number,
  values: Float64Array,
  caseOf: Uint32Array,
  groupOfCase: Int32Array,
  fill: Uint32Array,
  buffer: Float64Array,
): void {
  let last = -1;
  let g = -1;
  for (let t = lo; t < hi; t++) {
    const c = caseOf[t]!;
    if (c !== last) {
      last = c;
      g = groupOfCase[c]!;
    }
    buffer[fill[g]!] = values[t]!;
    fill[g] = fill[g]! + 1;
  }
}

/** Exact median of some values (NaN for none); `values` is reordered. */
export function medianInPlace(values: Float64Array): number {
  return quantileInPlace(values, 0.5).value;
}

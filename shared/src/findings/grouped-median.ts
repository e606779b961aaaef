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
 * Medians of `values[t]` per group `groupOf(t)` over the transitions `ts` (in case order, so
 * distinct cases are counted by change of `caseOf`). Groups with no values are left out.
 */
export function groupedMedians(
  ts: ArrayLike<number>,
  values: Float64Array,
  caseOf: Uint32Array,
  groupOf: (t: number) => number,
  groups: number,
): GroupMedian[] {
  const counts = new Uint32Array(groups + 1);
  const cases = new Uint32Array(groups);
  const lastCase = new Int32Array(groups).fill(-1);
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    const g = groupOf(t);
    counts[g + 1] = counts[g + 1]! + 1;
    if (lastCase[g] !== caseOf[t]) {
      lastCase[g] = caseOf[t]!;
      cases[g] = cases[g]! + 1;
    }
  }
  for (let g = 0; g < groups; g++) counts[g + 1] = counts[g + 1]! + counts[g]!;
  const fill = counts.slice(0, groups);
  const buffer = new Float64Array(ts.length);
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    const g = groupOf(t);
    buffer[fill[g]!] = values[t]!;
    fill[g] = fill[g]! + 1;
  }
  const out: GroupMedian[] = [];
  for (let g = 0; g < groups; g++) {
    const lo = counts[g]!;
    const hi = counts[g + 1]!;
    if (hi === lo) continue;
    out.push({ group: g, count: hi - lo, cases: cases[g]!, medianMs: quantileInPlace(buffer.subarray(lo, hi), 0.5).value });
  }
  return out;
}

/** Exact median of some values (NaN for none); `values` is reordered. */
export function medianInPlace(values: Float64Array): number {
  return quantileInPlace(values, 0.5).value;
}

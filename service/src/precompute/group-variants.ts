import type { EventLog, Variants } from '@sagsflow/shared';

/**
 * The (grain cell, variant) pairs of a log: for every pair its cases and summed case
 * duration. Each case is in exactly one pair, so any subset of pairs adds up exactly.
 */
export interface GroupVariants {
  /** Per pair: grain cell index, variant index (into `Variants.variants`), cases, summed ms. */
  group: Int32Array;
  variant: Int32Array;
  cases: Uint32Array;
  sumMs: Float64Array;
  /** Pair index per case. */
  pairOfCase: Int32Array;
  count: number;
}

/** Groups cases by (grain cell, variant), pairs in order of first case. */
export function groupVariants(log: EventLog, variants: Variants, groupOfCase: Int32Array): GroupVariants {
  const n = log.caseIds.length;
  const V = variants.variants.length;
  const index = new Map<number, number>();
  const pairOfCase = new Int32Array(n);
  const group: number[] = [];
  const variant: number[] = [];
  for (let c = 0; c < n; c++) {
    const g = groupOfCase[c]!;
    const v = variants.variantOfCase[c]!;
    const key = g * V + v;
    let p = index.get(key);
    if (p === undefined) {
      p = group.length;
      index.set(key, p);
      group.push(g);
      variant.push(v);
    }
    pairOfCase[c] = p;
  }
  const count = group.length;
  const cases = new Uint32Array(count);
  const sumMs = new Float64Array(count);
  for (let c = 0; c < n; c++) {
    const p = pairOfCase[c]!;
    cases[p]!++;
    sumMs[p]! += log.timestamp[log.caseOffsets[c + 1]! - 1]! - log.timestamp[log.caseOffsets[c]!]!;
  }
  return { group: Int32Array.from(group), variant: Int32Array.from(variant), cases, sumMs, pairOfCase, count };
}

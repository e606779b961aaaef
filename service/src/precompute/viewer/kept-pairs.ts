import type { GroupVariants } from '../group-variants';
import type { ViewerModelInput } from './viewer-input';

/**
 * Kept (viewer cell, variant) pairs in the shape of `GroupVariants` (for `writeActivities` and the
 * viewer step rows): the cases of variants shown as themselves, per viewer cell.
 */
export function keptPairs(input: Pick<ViewerModelInput, 'variants' | 'stats' | 'cellOfCase' | 'keptCase'>): GroupVariants {
  const V = input.variants.variants.length;
  const index = new Map<number, number>();
  const group: number[] = [];
  const variant: number[] = [];
  const cases: number[] = [];
  const sumMs: number[] = [];
  const pairOfCase = new Int32Array(input.stats.length).fill(-1);
  for (let c = 0; c < input.stats.length; c++) {
    if (!input.keptCase[c]) continue;
    const g = input.cellOfCase[c]!;
    const v = input.variants.variantOfCase[c]!;
    let p = index.get(g * V + v);
    if (p === undefined) {
      p = group.length;
      index.set(g * V + v, p);
      group.push(g);
      variant.push(v);
      cases.push(0);
      sumMs.push(0);
    }
    pairOfCase[c] = p;
    cases[p]!++;
    sumMs[p]! += input.stats[c]!.durationMs;
  }
  return {
    group: Int32Array.from(group),
    variant: Int32Array.from(variant),
    cases: Uint32Array.from(cases),
    sumMs: Float64Array.from(sumMs),
    pairOfCase,
    count: group.length,
  };
}

/** Which (viewer cell, variant) pairs keep their path in the viewer model. */
export interface KeptVariants {
  /** True for a pair (index into the pair arrays) whose variant is shown as itself. */
  kept: Uint8Array;
  /** Cases of each viewer cell that go to its "other variants" row. */
  otherCases: Float64Array;
}

/**
 * Decides per viewer cell which variants are shown as themselves: those with at least `k`
 * cases in the cell. The rest merge into the cell's "other variants"; when that pool would hold
 * 1..k-1 cases, the smallest kept variants join it until it holds k (a viewer cell has at least
 * k cases, so this ends).
 *
 * @param cellOfPair viewer cell of each (cell, variant) pair, -1 for left-out cases
 * @param casesOfPair cases of each pair
 */
export function keepVariants(cellOfPair: ArrayLike<number>, casesOfPair: ArrayLike<number>, cellCount: number, k: number): KeptVariants {
  const n = cellOfPair.length;
  const kept = new Uint8Array(n);
  const otherCases = new Float64Array(cellCount);
  const keptOfCell: number[][] = Array.from({ length: cellCount }, () => []);
  for (let p = 0; p < n; p++) {
    const cell = cellOfPair[p]!;
    if (cell < 0) continue;
    if (casesOfPair[p]! >= k) {
      kept[p] = 1;
      keptOfCell[cell]!.push(p);
    } else otherCases[cell]! += casesOfPair[p]!;
  }
  for (let cell = 0; cell < cellCount; cell++) {
    if (otherCases[cell] === 0 || otherCases[cell]! >= k) continue;
    const byCases = keptOfCell[cell]!.sort((a, b) => casesOfPair[a]! - casesOfPair[b]! || a - b);
    for (const p of byCases) {
      if (otherCases[cell]! >= k) break;
      kept[p] = 0;
      otherCases[cell]! += casesOfPair[p]!;
    }
  }
  return { kept, otherCases };
}

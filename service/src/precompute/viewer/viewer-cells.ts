import type { Grain } from '../case-groups';

/** Jobcenter of viewer rows that pool the cases of several jobcenters. */
export const OTHER_JOBCENTERS = 'andre jobcentre';
/** Period of viewer rows that pool the cases of all periods. */
export const ALL_PERIODS = 'alle perioder';

/** `YYYY-Qn` of a `YYYY-MM` month (other periods are kept as they are). */
export function quarterOf(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}` : period;
}

function yearOf(period: string): string {
  return /^\d{4}/.exec(period)?.[0] ?? ALL_PERIODS;
}

/**
 * The cells a group of cases tries in turn until it holds k cases, finest first: its own
 * (jobcenter, month), the quarter, the year, all periods of its jobcenter; then pooled with
 * other jobcenters ("andre jobcentre") by quarter, by year, over all periods. The process never
 * changes. Stage 0 is the case's own cell.
 */
export const MERGE_STAGES: readonly ((g: Grain) => Grain)[] = [
  (g) => g,
  (g) => ({ ...g, period: quarterOf(g.period) }),
  (g) => ({ ...g, period: yearOf(g.period) }),
  (g) => ({ ...g, period: ALL_PERIODS }),
  (g) => ({ ...g, jobcenter: OTHER_JOBCENTERS, period: quarterOf(g.period) }),
  (g) => ({ ...g, jobcenter: OTHER_JOBCENTERS, period: yearOf(g.period) }),
  (g) => ({ ...g, jobcenter: OTHER_JOBCENTERS, period: ALL_PERIODS }),
];

/** Where each (exact cell, variant) pair of a log goes in the viewer-grade model. */
export interface ViewerCells {
  /** The viewer cells (process, jobcenter, period), each holding at least k cases. */
  cells: Grain[];
  /** Viewer cell of each pair, -1 when its cases are left out. */
  cellOfPair: Int32Array;
  /** 1 when the pair's variant is shown as itself, 0 when its cases are in the cell's "other variants". */
  keptPair: Uint8Array;
  /** Cases of kept variants shown in a coarser cell than their own (jobcenter, month). */
  mergedCases: number;
  /** Cases in "other variants" rows. */
  otherVariantCases: number;
  /** Cases that make no group of k even after every merge, left out of the viewer model. */
  suppressedCases: number;
}

/**
 * Decides the viewer-grade rows of a log: each variant's cases stay in their own (jobcenter,
 * month) when they number at least k there; otherwise they move up `MERGE_STAGES` together with
 * the same variant's leftovers of neighbouring cells until they do. What no stage gathers to k
 * goes to the "other variants" of its cell, and those pools move up the same stages; cases that
 * still make no group of k are left out. Every viewer row (a variant in a cell, or a cell's other
 * variants) therefore holds at least k cases, and the rows are disjoint.
 *
 * @param groups exact cells; `pairGroup[p]`, `pairVariant[p]`, `pairCases[p]` describe pair p
 *
 * @example decideViewerCells([{ process: 'p', jobcenter: 'Nord', period: '2024-01' }], [0], [0], [3], 5) // left out
 */
export function decideViewerCells(
  groups: readonly Grain[],
  pairGroup: ArrayLike<number>,
  pairVariant: ArrayLike<number>,
  pairCases: ArrayLike<number>,
  k: number,
): ViewerCells {
  const n = pairGroup.length;
  const cells: Grain[] = [];
  const cellOfPair = new Int32Array(n).fill(-1);
  const keptPair = new Uint8Array(n);
  const totals = { merged: 0, other: 0 };
  // Each (group, stage)'s merged cell is computed once and numbered by its key, so that pools are
  // keyed by numbers: `(variant + 1) * stagedLimit + staged cell`.
  const stages = MERGE_STAGES.length;
  const stagedLimit = groups.length * stages + 1;
  const stagedIds = new Map<string, number>();
  const stagedCells: Grain[] = [];
  const stagedOf = new Int32Array(groups.length * stages).fill(-1);
  const staged = (group: number, s: number): number => {
    const at = group * stages + s;
    let id = stagedOf[at]!;
    if (id < 0) {
      const cell = MERGE_STAGES[s]!(groups[group]!);
      const key = `${cell.process}\u0000${cell.jobcenter}\u0000${cell.period}`;
      id = stagedIds.get(key) ?? -1;
      if (id < 0) stagedIds.set(key, (id = stagedCells.push(cell) - 1));
      stagedOf[at] = id;
    }
    return id;
  };
  const cellOfStaged: number[] = [];
  const cellOf = (id: number): number => (cellOfStaged[id] ??= cells.push(stagedCells[id]!) - 1);
  const poolUp = (pairs: number[], variantOf: (p: number) => number, onPlaced: (p: number, stage: number) => void): number[] => {
    let left = pairs;
    for (let s = 0; s < stages; s++) {
      const pools = new Map<number, { cell: number; members: number[]; cases: number }>();
      for (const p of left) {
        const cell = staged(pairGroup[p]!, s);
        const key = (variantOf(p) + 1) * stagedLimit + cell;
        let pool = pools.get(key);
        if (!pool) pools.set(key, (pool = { cell, members: [], cases: 0 }));
        pool.members.push(p);
        pool.cases += pairCases[p]!;
      }
      const next: number[] = [];
      for (const pool of pools.values()) {
        if (pool.cases < k) next.push(...pool.members);
        else {
          const index = cellOf(pool.cell);
          for (const p of pool.members) {
            cellOfPair[p] = index;
            onPlaced(p, s);
          }
        }
      }
      left = next;
    }
    return left;
  };
  const all = Array.from({ length: n }, (_, p) => p).filter((p) => pairCases[p]! > 0);
  const rare = poolUp(
    all,
    (p) => pairVariant[p]!,
    (p, s) => {
      keptPair[p] = 1;
      if (s > 0) totals.merged += pairCases[p]!;
    },
  );
  const leftOut = poolUp(
    rare,
    () => -1,
    (p) => {
      totals.other += pairCases[p]!;
    },
  );
  let suppressedCases = 0;
  for (const p of leftOut) suppressedCases += pairCases[p]!;
  return { cells, cellOfPair, keptPair, mergedCases: totals.merged, otherVariantCases: totals.other, suppressedCases };
}

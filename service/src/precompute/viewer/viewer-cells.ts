import type { Grain } from '../case-groups';

/** Jobcenter of viewer cells that pool the leftover cases of several jobcenters. */
export const OTHER_JOBCENTERS = 'andre jobcentre';
/** Period of a viewer cell that pools the leftover cases of all periods of a process. */
export const ALL_PERIODS = 'alle perioder';

/** Viewer cells: cells of at least k cases, and where each exact cell went. */
export interface ViewerCells {
  cells: Grain[];
  /** Viewer cell of each exact cell (index into `cells`), -1 when its cases are left out. */
  cellOfGroup: Int32Array;
  /** Cases of exact cells that went to a merged cell (a quarter, another jobcenter, ...). */
  mergedCases: number;
  /** Cases that make no group of k even after every merge, left out of the viewer model. */
  suppressedCases: number;
}

/** `YYYY-Qn` of a `YYYY-MM` month (other periods are kept as they are). */
export function quarterOf(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}` : period;
}

function yearOf(period: string): string {
  return /^\d{4}/.exec(period)?.[0] ?? ALL_PERIODS;
}

/** The merge stages, coarsest last: each gives the cell a leftover exact cell tries next. */
const STAGES: ((g: Grain) => Grain)[] = [
  (g) => g,
  (g) => ({ ...g, period: quarterOf(g.period) }),
  (g) => ({ ...g, jobcenter: OTHER_JOBCENTERS, period: quarterOf(g.period) }),
  (g) => ({ ...g, jobcenter: OTHER_JOBCENTERS, period: yearOf(g.period) }),
  (g) => ({ ...g, jobcenter: OTHER_JOBCENTERS, period: ALL_PERIODS }),
];

/**
 * Merges the exact cells (process, jobcenter, month) of a log into viewer cells of at least
 * `k` cases: a cell of k cases stays; the leftovers of a jobcenter pool by quarter; what is
 * still under k pools across jobcenters into "andre jobcentre" by quarter, then by year, then
 * over all periods of the process; what is left after that is left out. An exact cell always
 * goes whole into one viewer cell, and the process never changes.
 *
 * @example mergeCells([{ process: 'p', jobcenter: 'Nord', period: '2024-01' }], [3], 5) // suppressed
 */
export function mergeCells(groups: readonly Grain[], casesOfGroup: ArrayLike<number>, k: number): ViewerCells {
  const cells: Grain[] = [];
  const cellOfGroup = new Int32Array(groups.length).fill(-1);
  let left = groups.map((_, i) => i).filter((i) => casesOfGroup[i]! > 0);
  let mergedCases = 0;
  STAGES.forEach((stage, s) => {
    const pools = new Map<string, { cell: Grain; members: number[]; cases: number }>();
    for (const i of left) {
      const cell = stage(groups[i]!);
      const key = `${cell.process}\u0000${cell.jobcenter}\u0000${cell.period}`;
      const pool = pools.get(key) ?? { cell, members: [], cases: 0 };
      pool.members.push(i);
      pool.cases += casesOfGroup[i]!;
      pools.set(key, pool);
    }
    const next: number[] = [];
    for (const pool of pools.values()) {
      if (pool.cases < k) {
        next.push(...pool.members);
        continue;
      }
      const index = cells.length;
      cells.push(pool.cell);
      for (const i of pool.members) cellOfGroup[i] = index;
      if (s > 0) mergedCases += pool.cases;
    }
    left = next;
  });
  let suppressedCases = 0;
  for (const i of left) suppressedCases += casesOfGroup[i]!;
  return { cells, cellOfGroup, mergedCases, suppressedCases };
}

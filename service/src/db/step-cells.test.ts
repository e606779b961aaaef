import { describe, expect, it } from 'vitest';
import { STEP_END, STEP_START } from '@sagsflow/shared';
import { openDatabase } from './client';
import type { FilterValues } from './sql/filter-conditions';
import { filterConditions } from './sql/filter-conditions';
import { whereSql } from './sql/fragment';
import { cellsOfFilter, mergeStepSums, stepCells, stepCellWhere } from './step-cells';
import { aggregateStepSums, aggregateStepTable, readCaseDurations, readEdgeHistograms, readStepSums } from './step-rows';

const COLUMNS = ['log', 'version', 'process', 'jobcenter', 'period', 'variant_key', 'step_index', 'from_activity', 'to_activity'];
const VALUES = ['cases', 'sum_seconds', 'variant_rank', 'finished', 'h03', 'h07', 'd10', 'd40', 's10', 's40'];

/** A log of two variants (A-B and A-C) in two jobcenters and three months, whole seconds only. */
function seeded() {
  const store = openDatabase(':memory:');
  const insert = store.sqlite.prepare(
    `INSERT INTO steps (${[...COLUMNS, ...VALUES].join(', ')}) VALUES (${[...COLUMNS, ...VALUES].map(() => '?').join(', ')})`,
  );
  const cells: [string, string, string, string[], number][] = [
    ['J1', '2025-01', 'v1', ['A', 'B'], 3],
    ['J1', '2025-01', 'v2', ['A', 'C'], 2],
    ['J1', '2025-02', 'v1', ['A', 'B'], 4],
    ['J2', '2025-01', 'v1', ['A', 'B'], 1],
    ['J2', '2025-03', 'v2', ['A', 'C'], 6],
  ];
  for (const [jobcenter, period, key, activities, cases] of cells) {
    const path = [STEP_START, ...activities, STEP_END];
    for (let s = 0; s + 1 < path.length; s++) {
      const seconds = s === 0 || s === path.length - 2 ? 0 : 3600 * cases * (s + 1);
      const rank = key === 'v1' ? 1 : 2;
      const finished = key === 'v1' ? 1 : 0;
      insert.run(
        'x',
        1,
        'p',
        jobcenter,
        period,
        key,
        s,
        path[s],
        path[s + 1],
        cases,
        seconds,
        rank,
        finished,
        cases,
        s,
        cases,
        s,
        60 * cases,
        7 * s,
      );
    }
  }
  return store;
}

const NONE: FilterValues = { period: [], process: [], variant: [], activity: [] };
const COLS = new Set(['log', 'jobcenter', 'period', 'process', 'variant_key']);

describe('mergeStepSums over cells', () => {
  it('lists the (jobcenter, period) cells of a log and selects those of a jobcenter and period filter', () => {
    const store = seeded();
    const cells = stepCells(store.sqlite, 'steps', 'x');
    expect(cells).toEqual([
      { jobcenter: 'J1', period: '2025-01' },
      { jobcenter: 'J1', period: '2025-02' },
      { jobcenter: 'J2', period: '2025-01' },
      { jobcenter: 'J2', period: '2025-03' },
    ]);
    expect(cellsOfFilter(cells, { ...NONE, from: '2025-02' }, null)).toEqual([cells[1], cells[3]]);
    expect(cellsOfFilter(cells, { ...NONE, period: ['2025-01'] }, ['J2'])).toEqual([cells[2]]);
    expect(cellsOfFilter(cells, NONE, [])).toEqual([]);
    expect(cellsOfFilter(cells, { ...NONE, process: ['p'] }, null)).toBeNull();
    expect(cellsOfFilter(cells, { ...NONE, activity: ['B'] }, null)).toBeNull();
    store.close();
  });

  it.each([
    ['no filter', NONE, null],
    ['one jobcenter', NONE, ['J1']],
    ['one period', { ...NONE, period: ['2025-01'] }, null],
    ['a jobcenter from a period on', { ...NONE, from: '2025-02' }, ['J1', 'J2']],
    ['nothing', { ...NONE, to: '2024-12' }, null],
  ] as [string, FilterValues, string[] | null][])('gives the map and variants of the SQL aggregation: %s', (_name, filters, jobcenters) => {
    const store = seeded();
    const where = whereSql(filterConditions(filters, jobcenters, COLS, 'x'));
    const cells = cellsOfFilter(stepCells(store.sqlite, 'steps', 'x'), filters, jobcenters)!;
    const merged = mergeStepSums(
      cells.map((cell) => {
        const w = stepCellWhere('x', cell);
        return {
          steps: readStepSums(store.sqlite, 'steps', w),
          caseDurations: readCaseDurations(store.sqlite, 'steps', w),
          edgeHistograms: readEdgeHistograms(store.sqlite, 'steps', w),
        };
      }),
    );
    expect(aggregateStepSums(merged)).toEqual(aggregateStepTable(store.sqlite, 'steps', where));
    store.close();
  });

  it('sums a variant step seen in several cells, keeps the highest rank and the lowest finished', () => {
    const step = { variantKey: 'v', stepIndex: 0, from: STEP_START, to: 'A', sumSeconds: 0 };
    const merged = mergeStepSums([
      { steps: [{ ...step, cases: 2, variantRank: null, finished: 1 }], caseDurations: null, edgeHistograms: new Map() },
      { steps: [{ ...step, cases: 5, variantRank: 3, finished: 0 }], caseDurations: null, edgeHistograms: new Map() },
    ]);
    expect(merged.steps).toEqual([{ ...step, cases: 7, variantRank: 3, finished: 0 }]);
    expect(merged.caseDurations).toBeNull();
    expect(merged.edgeHistograms).toEqual(new Map());
  });
});

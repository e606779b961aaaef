import { describe, expect, it } from 'vitest';
import { STEP_START } from '@sagsflow/shared';
import { seededStepCells as seeded } from '../testing/step-cells-fixture';
import type { FilterValues } from './sql/filter-conditions';
import { filterConditions } from './sql/filter-conditions';
import { whereSql } from './sql/fragment';
import { cellsOfFilter, mergeStepSums, stepCells, stepCellWhere } from './step-cells';
import { aggregateStepSums, aggregateStepTable, readCaseDurations, readEdgeHistograms, readStepSums } from './step-rows';

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

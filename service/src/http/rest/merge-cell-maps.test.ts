import { describe, expect, it } from 'vitest';
import { STEP_END, STEP_START } from '@sagsflow/shared';
import { seededStepCells } from '../../testing/step-cells-fixture';
import { stepCells, stepCellWhere } from '../../db/step-cells';
import { aggregateStepSums, aggregateStepTable, readEdgeHistograms, readStepSums } from '../../db/step-rows';
import { whereSql } from '../../db/sql/fragment';
import { mergeCellMaps } from './merge-cell-maps';

/** The value with typed arrays as plain arrays (the merge sums histograms into arrays, `aggregateSteps` into Float64Arrays). */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));

describe('mergeCellMaps', () => {
  it('merges the maps of every cell into the map of the whole log, in the same order', () => {
    const store = seededStepCells();
    const maps = stepCells(store.sqlite, 'steps', 'x').map((cell) => {
      const where = stepCellWhere('x', cell);
      const { map, cases } = aggregateStepSums({
        steps: readStepSums(store.sqlite, 'steps', where),
        caseDurations: null,
        edgeHistograms: readEdgeHistograms(store.sqlite, 'steps', where),
      });
      return { map, cases };
    });
    const whole = aggregateStepTable(store.sqlite, 'steps', whereSql([{ sql: '"log" = ?', params: ['x'] }]));
    const merged = mergeCellMaps(maps);
    expect(merged.cases).toBe(16);
    expect(merged.map.nodes.map((n) => [n.activity, n.count, n.cases])).toEqual([
      [STEP_START, 16, 16],
      ['A', 16, 16],
      ['B', 8, 8],
      ['C', 8, 8],
      [STEP_END, 16, 16],
    ]);
    expect(plain(merged)).toEqual(plain({ map: whole.map, cases: whole.cases }));
    store.close();
  });

  it('gives the empty map of no cells: START and END with no cases', () => {
    expect(mergeCellMaps([]).map.nodes.map((n) => [n.activity, n.count])).toEqual([
      [STEP_START, 0],
      [STEP_END, 0],
    ]);
  });
});

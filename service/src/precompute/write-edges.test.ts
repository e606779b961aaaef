import { describe, expect, it } from 'vitest';
import { BUCKET_COUNT, emptyFineHistogram, STEP_END, STEP_START, type GroupedStepRow } from '@sagsflow/shared';
import type { Grain } from './case-groups';
import type { ModelWriter } from './model-writer';
import { createEdgeSums } from './write-edges';

/** The step rows of one run (cell `group`, one variant): `seconds[k]` cases' seconds of step k, each case in bucket 1. */
function run(group: string, variantKey: string, activities: string[], cases: number, seconds: number[]): GroupedStepRow[] {
  const nodes = [STEP_START, ...activities, STEP_END];
  return nodes.slice(1).map((to, k) => {
    const histogram = new Array<number>(BUCKET_COUNT).fill(0);
    histogram[1] = cases;
    const fine = emptyFineHistogram();
    fine.counts[2] = cases;
    fine.seconds[2] = seconds[k] ?? 0;
    return { group, variantKey, stepIndex: k, from: nodes[k]!, to, cases, sumSeconds: seconds[k] ?? 0, histogram, fine };
  });
}

function written(rows: GroupedStepRow[]) {
  const sums = createEdgeSums();
  for (const r of rows) sums.add(r);
  const out: unknown[][] = [];
  const writer = { addHistogramRow: (_t: string, head: unknown[], hist: ArrayLike<number>) => out.push([...head, hist[0], hist[1]]) };
  const groups: Grain[] = [
    { process: 'p', jobcenter: 'Nord', period: '2024-01' },
    { process: 'p', jobcenter: 'Syd', period: '2024-01' },
  ];
  sums.write(writer as unknown as ModelWriter, groups);
  return out;
}

describe('createEdgeSums', () => {
  it('sums transitions, seconds and histograms per (cell, from, to) and counts a run once per edge, in first-seen order', () => {
    const rows = [
      ...run('0', 'abab', ['a', 'b', 'a', 'b'], 2, [0, 10, 20, 30, 0]),
      ...run('0', 'ab', ['a', 'b'], 3, [0, 5, 0]),
      ...run('1', 'ab', ['a', 'b'], 1, [0, 7, 0]),
    ];
    // [process, jobcenter, period, from, to, transitions, cases, seconds, bucket 0, bucket 1]
    expect(written(rows)).toEqual([
      ['p', 'Nord', '2024-01', STEP_START, 'a', 5, 5, 0, 0, 5],
      ['p', 'Nord', '2024-01', 'a', 'b', 7, 5, 45, 0, 7],
      ['p', 'Nord', '2024-01', 'b', 'a', 2, 2, 20, 0, 2],
      ['p', 'Nord', '2024-01', 'b', STEP_END, 5, 5, 0, 5, 0],
      ['p', 'Syd', '2024-01', STEP_START, 'a', 1, 1, 0, 0, 1],
      ['p', 'Syd', '2024-01', 'a', 'b', 1, 1, 7, 0, 1],
      ['p', 'Syd', '2024-01', 'b', STEP_END, 1, 1, 0, 1, 0],
    ]);
  });

  it('reads each row its own names, even when one variant key comes with other steps', () => {
    const rows = [...run('0', 'v', ['a'], 1, [0, 0]), ...run('0', 'v', ['c'], 2, [0, 0])];
    expect(written(rows).map((r) => [r[3], r[4], r[5]])).toEqual([
      [STEP_START, 'a', 1],
      ['a', STEP_END, 1],
      [STEP_START, 'c', 2],
      ['c', STEP_END, 2],
    ]);
  });
});

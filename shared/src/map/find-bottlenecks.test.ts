import { describe, expect, it } from 'vitest';
import { BUCKET_COUNT, bucketOf } from '../histogram/duration-buckets';
import { STEP_END, STEP_START } from '../steps/types';
import { findBottlenecks } from './find-bottlenecks';
import type { ProcessMapEdge } from './process-map';

const DAY = 86400;

/** An edge whose `count` transitions all took `days` days (histogram and sum agree). */
function edge(from: string, to: string, count: number, days: number): ProcessMapEdge {
  const histogram = new Array<number>(BUCKET_COUNT).fill(0);
  histogram[bucketOf(days * DAY)] = count;
  return { from, to, count, cases: count, sumSeconds: count * days * DAY, histogram };
}

describe('findBottlenecks', () => {
  it('marks every edge whose median wait is at least twice the typical wait, longest first', () => {
    const map = {
      nodes: [],
      edges: [edge(STEP_START, 'a', 50, 0), edge('a', 'b', 100, 1), edge('b', 'c', 10, 3.5), edge('c', 'd', 10, 6), edge('d', STEP_END, 50, 0)],
    };
    const found = findBottlenecks(map);
    expect(found.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['c>d', 'b>c']);
    expect(found.thresholdSeconds).toBeCloseTo(2 * found.typicalSeconds, 6);
    expect(found.typicalSeconds).toBeLessThan(1.6 * DAY);
  });

  it('never marks the busiest edge for its volume, nor an edge under the minimum transitions', () => {
    const map = { nodes: [], edges: [edge('a', 'b', 1000, 1), edge('b', 'c', 900, 1.1), edge('c', 'd', 4, 30)] };
    expect(findBottlenecks(map).edges).toEqual([]);
    expect(findBottlenecks(map, { minTransitions: 1 }).edges.map((e) => e.to)).toEqual(['d']);
  });

  it('uses the mean where an edge has no histogram and says so', () => {
    const plain = { from: 'b', to: 'c', count: 10, cases: 10, sumSeconds: 10 * 9 * DAY };
    const found = findBottlenecks({ nodes: [], edges: [{ ...edge('a', 'b', 50, 1) }, plain] });
    expect(found.edges).toEqual([{ from: 'b', to: 'c', count: 10, medianSeconds: 9 * DAY, fromMean: true }]);
  });

  it('finds none on a map without waits', () => {
    const found = findBottlenecks({ nodes: [], edges: [edge(STEP_START, 'a', 5, 0), edge('a', STEP_END, 5, 0)] });
    expect(found.edges).toEqual([]);
    expect(Number.isNaN(found.typicalSeconds)).toBe(true);
  });
});

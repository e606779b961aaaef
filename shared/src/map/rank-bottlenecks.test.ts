import { describe, expect, it } from 'vitest';
import { STEP_START } from '../steps/types';
import { rankBottlenecks } from './rank-bottlenecks';

describe('rankBottlenecks', () => {
  const e = (from: string, to: string, count: number, sumSeconds: number) => ({ from, to, count, cases: count, sumSeconds });
  const map = { nodes: [], edges: [e(STEP_START, 'a', 5, 0), e('a', 'b', 5, 100), e('b', 'c', 1, 500), e('c', 'd', 10, 100)] };

  it('ranks edges by total seconds, ties by transitions, skipping timeless edges', () => {
    const top = rankBottlenecks(map, 2);
    expect(top.map((b) => `${b.from}>${b.to}`)).toEqual(['b>c', 'c>d']);
    expect(top[1]!.meanSeconds).toBe(10);
    expect(rankBottlenecks(map, 10).length).toBe(3);
  });
});

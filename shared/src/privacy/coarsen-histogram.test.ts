import { describe, expect, it } from 'vitest';
import { MisuseError } from '../errors';
import { coarsenHistogram } from './coarsen-histogram';

describe('coarsenHistogram', () => {
  it("k=5 pools [3, 1, 0, 4, 2] into one run of 10 at the bucket of its middle case: [0, 10, 0, 0, 0]", () => {
    expect(coarsenHistogram([3, 1, 0, 4, 2], 5)).toEqual([0, 10, 0, 0, 0]);
  });
  it('keeps buckets of at least k as they are and the total always', () => {
    expect(coarsenHistogram([5, 0, 7, 9], 5)).toEqual([5, 0, 7, 9]);
    const h = [1, 2, 3, 4, 5, 6, 0, 1];
    const out = coarsenHistogram(h, 5);
    expect(out.reduce((a, b) => a + b, 0)).toBe(22);
    expect(out.every((x) => x === 0 || x >= 5)).toBe(true);
  });
  it('a histogram under k comes back all zeros; k=1 changes nothing', () => {
    expect(coarsenHistogram([1, 2, 1], 5)).toEqual([0, 0, 0]);
    expect(coarsenHistogram([1, 2, 1], 1)).toEqual([1, 2, 1]);
  });
  it('rejects k=0 with MisuseError', () => {
    expect(() => coarsenHistogram([1], 0)).toThrow(MisuseError);
  });
});

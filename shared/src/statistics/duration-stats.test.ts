import { describe, expect, it } from 'vitest';
import { durationStats, quantileSorted } from './duration-stats';

describe('durationStats', () => {
  it('durationStats(3,1,2,10) gives median 2.5, p90 7.9, mean 4', () => {
    const values = Float64Array.of(3, 1, 2, 10);
    const s = durationStats(values);
    expect(s).toMatchObject({ count: 4, sum: 16, mean: 4, median: 2.5, min: 1, max: 10 });
    expect(s.p90).toBeCloseTo(7.9, 10);
    expect(Array.from(values)).toEqual([3, 1, 2, 10]);
  });

  it('durationStats of odd count takes the middle value', () => {
    expect(durationStats(Float64Array.of(5, 100, 1)).median).toBe(5);
  });

  it('durationStats of nothing has count 0 and NaN mean', () => {
    const s = durationStats(new Float64Array(0));
    expect(s.count).toBe(0);
    expect(s.sum).toBe(0);
    expect(s.mean).toBeNaN();
  });

  it('quantileSorted(q=1) is the max and q=0 the min', () => {
    expect(quantileSorted([1, 2, 9], 1)).toBe(9);
    expect(quantileSorted([1, 2, 9], 0)).toBe(1);
  });
});

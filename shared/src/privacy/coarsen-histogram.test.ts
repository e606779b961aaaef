import { describe, expect, it } from 'vitest';
import { MisuseError } from '../errors';
import { coarsenFineHistogram, coarsenFineHistogramInto, coarsenHistogram, coarsenHistogramInto } from './coarsen-histogram';

describe('coarsenHistogram', () => {
  it('k=5 pools [3, 1, 0, 4, 2] into one run of 10 at the bucket of its middle case: [0, 10, 0, 0, 0]', () => {
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

describe('coarsenFineHistogram', () => {
  it("moves each run's counts and seconds together: no bucket keeps the exact duration of fewer than k cases", () => {
    const out = coarsenFineHistogram({ counts: [1, 0, 4, 6, 1], seconds: [0.5, 0, 10, 24, 9] }, 5);
    expect(out.counts).toEqual([0, 0, 5, 7, 0]);
    expect(out.seconds).toEqual([0, 0, 10.5, 33, 0]);
  });
  it('a lone one-case bucket never comes back with its seconds; under k everything is zero', () => {
    const one = coarsenFineHistogram({ counts: [0, 1, 0], seconds: [0, 42, 0] }, 5);
    expect(one).toEqual({ counts: [0, 0, 0], seconds: [0, 0, 0] });
    const k1 = coarsenFineHistogram({ counts: [0, 1, 0], seconds: [0, 42, 0] }, 1);
    expect(k1).toEqual({ counts: [0, 1, 0], seconds: [0, 42, 0] });
  });
  it('keeps the totals and every bucket 0 or at least k', () => {
    const counts = [2, 1, 3, 0, 5, 1, 1, 2];
    const seconds = counts.map((c, i) => c * (i + 1));
    const out = coarsenFineHistogram({ counts, seconds }, 4);
    expect(out.counts.reduce((a, b) => a + b, 0)).toBe(15);
    expect(out.seconds.reduce((a, b) => a + b, 0)).toBe(seconds.reduce((a, b) => a + b, 0));
    expect(out.counts.every((x) => x === 0 || x >= 4)).toBe(true);
    expect(out.counts).toEqual(coarsenHistogram(counts, 4));
  });
});

describe('coarsenHistogramInto and coarsenFineHistogramInto', () => {
  it('write what the allocating forms return into a reused output, zeroing what it held', () => {
    const out = [9, 9, 9, 9, 9];
    coarsenHistogramInto([3, 1, 0, 4, 2], 5, out);
    expect(out).toEqual([0, 10, 0, 0, 0]);
    coarsenHistogramInto([1, 2, 1, 0, 0], 5, out);
    expect(out).toEqual([0, 0, 0, 0, 0]);
    const fine = { counts: new Float64Array([7, 7]), seconds: new Float64Array([7, 7]) };
    coarsenFineHistogramInto({ counts: [1, 4], seconds: [0.5, 6] }, 5, fine);
    expect([...fine.counts]).toEqual([0, 5]);
    expect([...fine.seconds]).toEqual([0, 6.5]);
    coarsenFineHistogramInto({ counts: [6, 1], seconds: [3, 2] }, 5, fine);
    expect([...fine.counts]).toEqual(coarsenFineHistogram({ counts: [6, 1], seconds: [3, 2] }, 5).counts);
    expect([...fine.seconds]).toEqual(coarsenFineHistogram({ counts: [6, 1], seconds: [3, 2] }, 5).seconds);
  });
});

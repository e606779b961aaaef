import { describe, expect, it } from 'vitest';
import { MisuseError } from '../errors';
import {
  coarsenFineHistogram,
  coarsenFineHistogramInto,
  coarsenHistogram,
  coarsenHistogramInto,
  coarsenListedInto,
} from './coarsen-histogram';

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

describe('coarsenListedInto', () => {
  it('gives the known answer and lists the buckets it set', () => {
    const out = { counts: new Array<number>(5).fill(0), buckets: [] as number[] };
    coarsenListedInto([0, 3, 1, 1, 3, 4, 4, 2], 2, 5, out);
    expect(out).toEqual({ counts: [0, 10, 0, 0, 0], buckets: [1] });
    coarsenListedInto([2, 2, 4, 1], 2, 5, out);
    expect(out).toEqual({ counts: [0, 0, 0, 0, 0], buckets: [] });
  });

  it('equals the dense coarsening bit for bit on random sparse histograms, reusing its output', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const n = 75;
    const fineOut = { counts: new Float64Array(n), seconds: new Float64Array(n), buckets: [] as number[] };
    const coarseOut = { counts: new Array<number>(n).fill(0), buckets: [] as number[] };
    for (let round = 0; round < 2_000; round++) {
      const counts = new Array<number>(n).fill(0);
      const seconds = new Array<number>(n).fill(0);
      const used = 1 + Math.floor(random() * 12);
      for (let j = 0; j < used; j++) {
        const b = Math.floor(random() * n);
        counts[b]! += 1 + Math.floor(random() * 6);
        seconds[b]! += random() * 1e5;
      }
      const listed = counts.flatMap((c, b) => (c !== 0 ? [b] : []));
      const k = 1 + Math.floor(random() * 9);
      const dense = coarsenFineHistogram({ counts, seconds }, k);
      coarsenListedInto(
        listed.flatMap((b) => [b, counts[b]!, seconds[b]!]),
        3,
        k,
        fineOut,
      );
      coarsenListedInto(
        listed.flatMap((b) => [b, counts[b]!]),
        2,
        k,
        coarseOut,
      );
      const bits = (xs: ArrayLike<number>) => Array.from(new Uint8Array(Float64Array.from(xs).buffer));
      expect(bits(fineOut.counts)).toEqual(bits(dense.counts));
      expect(bits(fineOut.seconds)).toEqual(bits(dense.seconds));
      expect(coarseOut.counts).toEqual(coarsenHistogram(counts, k));
      expect(fineOut.buckets).toEqual(dense.counts.flatMap((c, b) => (c !== 0 ? [b] : [])));
      expect(coarseOut.buckets).toEqual(fineOut.buckets);
    }
  });

  it('rejects a bad minimum group size', () => {
    const out = { counts: [0], buckets: [] };
    expect(() => coarsenListedInto([0, 1], 2, 0, out)).toThrow(MisuseError);
  });
});

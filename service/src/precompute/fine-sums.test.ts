import { describe, expect, it } from 'vitest';
import { addFineHistogram, emptyFineHistogram, FINE_BUCKET_COUNT } from '@sagsflow/shared';
import { addNonZeroFine } from './fine-sums';

describe('addNonZeroFine', () => {
  it('sums what addFineHistogram sums, zero and negative-zero buckets included', () => {
    const rows = [0, 1, 2].map((r) => {
      const counts = new Uint32Array(FINE_BUCKET_COUNT);
      const seconds = new Float64Array(FINE_BUCKET_COUNT);
      for (let i = r; i < FINE_BUCKET_COUNT; i += 7) {
        counts[i] = i + r;
        seconds[i] = i === 0 ? -0 : (i + r) * 1.5;
      }
      return { counts, seconds };
    });
    const expected = emptyFineHistogram();
    const got = emptyFineHistogram();
    for (const row of rows) {
      addFineHistogram(expected, row);
      addNonZeroFine(got, row);
    }
    expect([...got.counts]).toEqual([...expected.counts]);
    expect([...got.seconds]).toEqual([...expected.seconds]);
    expect(Object.is(got.seconds[0], expected.seconds[0])).toBe(true);
  });
  it('given the non-zero buckets, reads only those and sums the same', () => {
    const from = { counts: new Uint32Array(FINE_BUCKET_COUNT), seconds: new Float64Array(FINE_BUCKET_COUNT) };
    from.counts[3] = 2;
    from.seconds[3] = 7.5;
    from.counts[40] = 1;
    const got = emptyFineHistogram();
    const all = emptyFineHistogram();
    addNonZeroFine(got, from, [40, 3]);
    addNonZeroFine(got, from, [40, 3]);
    addNonZeroFine(all, from);
    addNonZeroFine(all, from);
    expect([...got.counts]).toEqual([...all.counts]);
    expect([...got.seconds]).toEqual([...all.seconds]);
    expect(got.counts[3]).toBe(4);
    expect(got.seconds[3]).toBe(15);
    const partial = emptyFineHistogram();
    addNonZeroFine(partial, from, [3]);
    expect(partial.counts[40]).toBe(0);
  });
});

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
});

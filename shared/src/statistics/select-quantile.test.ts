import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../testing/random-log';
import { durationStats, durationStatsInPlace, quantileSorted } from './duration-stats';
import { quantileInPlace, selectInPlace } from './select-quantile';

describe('selectInPlace and quantileInPlace', () => {
  it('selectInPlace puts the k-th smallest at k with smaller values before it', () => {
    const a = Float64Array.of(9, 1, 8, 2, 7, 3, 6, 4, 5);
    selectInPlace(a, 4);
    expect(a[4]).toBe(5);
    expect(Array.from(a.subarray(0, 4)).every((v) => v <= 5)).toBe(true);
  });

  it('agrees with sorting on random data, with many ties, and on sorted input', () => {
    const rnd = mulberry32(5);
    const cases = [
      Float64Array.from({ length: 1001 }, () => rnd() * 1000),
      Float64Array.from({ length: 1000 }, () => Math.floor(rnd() * 3)),
      Float64Array.from({ length: 777 }, (_, i) => i),
      Float64Array.from({ length: 500 }, (_, i) => 500 - i),
      new Float64Array(64),
    ];
    for (const values of cases) {
      const sorted = values.slice().sort();
      for (const q of [0, 0.1, 0.5, 0.9, 1]) expect(quantileInPlace(values.slice(), q).value).toBe(quantileSorted(sorted, q));
      const s = durationStatsInPlace(values.slice());
      expect([s.median, s.p90, s.min, s.max]).toEqual([quantileSorted(sorted, 0.5), quantileSorted(sorted, 0.9), sorted[0], sorted.at(-1)]);
    }
  });

  it('durationStats of one value has that value everywhere', () => {
    expect(durationStats(Float64Array.of(42))).toMatchObject({ median: 42, p90: 42, min: 42, max: 42, mean: 42 });
  });
});

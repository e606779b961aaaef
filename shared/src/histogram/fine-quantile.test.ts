import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../statistics/duration-stats';
import {
  addFineHistogram,
  emptyFineHistogram,
  FINE_BOUNDS_SECONDS,
  FINE_BUCKET_COUNT,
  FINE_COUNT_COLUMNS,
  FINE_SECONDS_COLUMNS,
  fineBucketOf,
} from './fine-buckets';
import { fineQuantile } from './fine-quantile';

function histogramOf(values: readonly number[]) {
  const h = emptyFineHistogram();
  for (const v of values) {
    const b = fineBucketOf(v);
    h.counts[b]!++;
    h.seconds[b]! += v;
  }
  return h;
}

describe('fine buckets', () => {
  it('has 75 buckets, columns d00..d74 and s00..s74, bounds at most 25 % apart above 10 s', () => {
    expect(FINE_BUCKET_COUNT).toBe(75);
    expect([FINE_COUNT_COLUMNS[0], FINE_COUNT_COLUMNS[74], FINE_SECONDS_COLUMNS[74]]).toEqual(['d00', 'd74', 's74']);
    expect(FINE_BOUNDS_SECONDS.slice(0, 7)).toEqual([1, 2, 3, 5, 7, 10, 13]);
    expect(FINE_BOUNDS_SECONDS[FINE_BOUNDS_SECONDS.length - 1]).toBe(365 * 86400);
    for (let i = 6; i < FINE_BOUNDS_SECONDS.length; i++)
      expect(FINE_BOUNDS_SECONDS[i]! / FINE_BOUNDS_SECONDS[i - 1]!).toBeLessThanOrEqual(1.3);
  });

  it('fineBucketOf puts 0 s and 0.5 s in bucket 0, 1 s in bucket 1, 365 days and more in the last', () => {
    expect([fineBucketOf(0), fineBucketOf(0.5), fineBucketOf(1), fineBucketOf(365 * 86400), fineBucketOf(1e12)]).toEqual([0, 0, 1, 74, 74]);
  });
});

describe('fineQuantile', () => {
  it('gives NaN for an empty histogram', () => {
    expect(fineQuantile(emptyFineHistogram(), 0.5)).toBeNaN();
  });

  it('is exact when every duration sits alone in its bucket (R-7 like quantileSorted)', () => {
    const values = [60, 3600, 86400, 5 * 86400];
    const h = histogramOf(values);
    expect(fineQuantile(h, 0.5)).toBe(quantileSorted(values, 0.5));
    expect(fineQuantile(h, 0.9)).toBeCloseTo(quantileSorted(values, 0.9), 6);
  });

  it('keeps a bucket of equal durations close to their value, and 0 for zero durations', () => {
    expect(Math.abs(fineQuantile(histogramOf([86400, 86400, 86400]), 0.5) / 86400 - 1)).toBeLessThan(0.02);
    expect(fineQuantile(histogramOf([0, 0, 0, 7200]), 0.5)).toBe(0);
  });

  it('stays within 10 % of the exact quantile on a skewed sample of 1,000 durations', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.round(3600 * Math.exp(((i * 7919) % 1000) / 150)));
    const sorted = values.slice().sort((a, b) => a - b);
    const h = histogramOf(values);
    for (const q of [0.5, 0.9]) {
      const exact = quantileSorted(sorted, q);
      expect(Math.abs(fineQuantile(h, q) - exact) / exact).toBeLessThan(0.1);
    }
  });

  it('spreads durations beyond 365 days evenly around their mean (the open last bucket)', () => {
    const year = 365 * 86400;
    const values = [1.02, 1.06, 1.1, 1.14, 1.18].map((y) => y * year);
    const h = histogramOf(values);
    expect(fineQuantile(h, 0.5)).toBeCloseTo(1.1 * year, -2);
    expect(Math.abs(fineQuantile(h, 0.9) / quantileSorted(values, 0.9) - 1)).toBeLessThan(0.05);
  });

  it('adds histograms: the sum of two halves equals the histogram of the whole', () => {
    const a = histogramOf([10, 20, 30]);
    const b = histogramOf([40, 4000]);
    const sum = emptyFineHistogram();
    addFineHistogram(sum, a);
    addFineHistogram(sum, b);
    expect(Array.from(sum.counts)).toEqual(Array.from(histogramOf([10, 20, 30, 40, 4000]).counts));
    expect(fineQuantile(sum, 0.5)).toBe(30);
  });
});

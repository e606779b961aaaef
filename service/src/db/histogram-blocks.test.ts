import { BUCKET_COLUMNS, FINE_COUNT_COLUMNS, FINE_SECONDS_COLUMNS, bucketOf, fineBucketOf } from '@sagsflow/shared';
import { describe, expect, it } from 'vitest';
import { HISTOGRAM_BLOCKS, histogramBlocks } from './histogram-blocks';

const blockOf = (column: string) => HISTOGRAM_BLOCKS.findIndex((b) => b.includes(column));

describe('histogramBlocks', () => {
  it('puts every histogram column in exactly one of 15 blocks, the first with h00, h01 and fine buckets 0-4', () => {
    const all = HISTOGRAM_BLOCKS.flat();
    expect(all).toHaveLength(175);
    expect(new Set(all)).toEqual(new Set([...BUCKET_COLUMNS, ...FINE_COUNT_COLUMNS, ...FINE_SECONDS_COLUMNS]));
    expect(HISTOGRAM_BLOCKS).toHaveLength(15);
    expect(HISTOGRAM_BLOCKS[0]).toEqual(['h00', 'h01', 'd00', 's00', 'd01', 's01', 'd02', 's02', 'd03', 's03', 'd04', 's04']);
    expect(histogramBlocks(3)).toHaveLength(25);
  });
  it('keeps one duration (its coarse bucket, fine count and fine seconds) in one block for 70 % of durations from 1 s to 12 years', () => {
    const durations = Array.from({ length: 2000 }, (_, i) => Math.round(1.01 ** i));
    const together = durations.filter((s) => {
      const f = fineBucketOf(s);
      return (
        new Set([blockOf(BUCKET_COLUMNS[bucketOf(s)]!), blockOf(FINE_COUNT_COLUMNS[f]!), blockOf(FINE_SECONDS_COLUMNS[f]!)]).size === 1
      );
    });
    // Blocks of 8 in column order never do (h, d and s columns are 25 and 75 columns apart).
    expect(together.length / durations.length).toBeCloseTo(0.7045, 4);
  });
});

import {
  BUCKET_BOUNDS_SECONDS,
  BUCKET_COLUMNS,
  FINE_BUCKET_COUNT,
  FINE_COUNT_COLUMNS,
  FINE_SECONDS_COLUMNS,
  fineBucketOf,
} from '@sagsflow/shared';

/** Fine buckets per block of `HISTOGRAM_BLOCKS`. */
const FINE_BUCKETS_PER_BLOCK = 5;

/**
 * The histogram columns of the step and edge tables grouped by duration, as the `blocks` of
 * `createSparseInserter`. A group holds the fine counts and seconds (`dNN`, `sNN`) of
 * `fineBucketsPerBlock` adjacent fine buckets and the coarse buckets (`hNN`) whose lower bound
 * falls in them. The durations of a row sit in a few of these blocks (one case's duration in one,
 * with its coarse bucket), so a step row binds about 18 histogram values instead of 28 in
 * blocks of 8 in column order. The grouping only chooses which zeros are bound; the stored rows are the same.
 */
export function histogramBlocks(fineBucketsPerBlock = FINE_BUCKETS_PER_BLOCK): string[][] {
  const blocks = Array.from({ length: Math.ceil(FINE_BUCKET_COUNT / fineBucketsPerBlock) }, () => [] as string[]);
  const blockOfFine = (b: number) => blocks[Math.floor(b / fineBucketsPerBlock)]!;
  BUCKET_COLUMNS.forEach((column, c) => blockOfFine(fineBucketOf(c === 0 ? 0 : BUCKET_BOUNDS_SECONDS[c - 1]!)).push(column));
  for (let b = 0; b < FINE_BUCKET_COUNT; b++) blockOfFine(b).push(FINE_COUNT_COLUMNS[b]!, FINE_SECONDS_COLUMNS[b]!);
  return blocks.filter((block) => block.length > 0);
}

/** `histogramBlocks()`: the blocks the model writer passes for the step and edge tables. */
export const HISTOGRAM_BLOCKS: readonly (readonly string[])[] = histogramBlocks();

import { BUCKET_COUNT, type FineHistogram } from '@sagsflow/shared';
import type { SqlValue } from '../db/batch-insert';
import { MODEL_TABLES, stepRowAdder, type ModelRows, type ModelTable } from './model-writer';
import { INLINE_VALUE, MAX_OP_SIZE, NULL_VALUE, NUMBER_VALUE, TABLES, type RowBatch } from './row-batch';

/** Codes (and numbers) per posted batch. */
const BATCH_SIZE = 1 << 14;

/** Value positions per target in the string cache: the head's (or a plain row's), then the tail's. */
const SLOTS = 32;

/** Per table, a bit per value position whose strings are (nearly) all distinct: sent inline, not interned. */
const UNIQUE_COLUMNS: Partial<Record<ModelTable, number>> = { cases: (1 << 3) | (1 << 10) };

/** Whether `v` is stored as something other than the column's default 0 (-0 and NaN are kept as given). */
function notZero(v: number): boolean {
  return v !== 0 || 1 / v < 0;
}

/**
 * Writers of model rows that encode them into `RowBatch`es and hand each full batch to `post`
 * (its buffers may be transferred): the model worker's side of `createRowReplay`. Strings are
 * interned, each sent once, but for the columns of distinct values (case ids, attributes), sent
 * inline. Call `flush` after the last row. `recycled` gives back the buffers of a batch already
 * replayed, when there is one (the next batch is written into them instead of new ones).
 */
export function createRowEncoder(
  post: (batch: RowBatch) => void,
  recycled: () => Pick<RowBatch, 'codes' | 'nums'> | undefined = () => undefined,
): { exact: ModelRows; viewer: ModelRows; flush(): void } {
  const ids = new Map<string, number>();
  /** Per (target, value position): the string last written there and its id (runs of rows repeat most of their strings). */
  const lastString = new Array<string | undefined>(2 * TABLES * SLOTS);
  const lastId = new Int32Array(2 * TABLES * SLOTS);
  let strings: string[] = [];
  let inline: string[] = [];
  let codes = new Int32Array(BATCH_SIZE);
  let nums = new Float64Array(BATCH_SIZE);
  let c = 0;
  let n = 0;
  const flush = (): void => {
    if (c === 0) return;
    post({ strings, inline, codes, codeCount: c, nums, numCount: n });
    strings = [];
    inline = [];
    const again = recycled();
    codes = again?.codes ?? new Int32Array(BATCH_SIZE);
    nums = again?.nums ?? new Float64Array(BATCH_SIZE);
    c = n = 0;
  };
  const stringCode = (v: string, slot: number): number => {
    if (lastString[slot] === v) return lastId[slot]!;
    let id = ids.get(v);
    if (id === undefined) {
      ids.set(v, (id = ids.size));
      strings.push(v);
    }
    lastString[slot] = v;
    lastId[slot] = id;
    return id;
  };
  /** Writes `vs` with their count; the strings at `unique` positions (case ids, attributes) are sent inline, not interned. */
  const values = (vs: readonly SqlValue[], slot: number, unique: number): void => {
    codes[c++] = vs.length;
    for (let i = 0; i < vs.length; i++) {
      const v = vs[i]!;
      if (typeof v === 'number') {
        codes[c++] = NUMBER_VALUE;
        nums[n++] = v;
      } else if (typeof v === 'string') {
        if (unique & (1 << i)) {
          codes[c++] = INLINE_VALUE - inline.length;
          inline.push(v);
        } else codes[c++] = stringCode(v, slot + i);
      } else if (v === null) codes[c++] = NULL_VALUE;
      else throw new Error(`createRowEncoder: a model value must be a number, a string or null, got ${typeof v}`);
    }
  };
  const start = (target: number, kind: number): void => {
    if (c > BATCH_SIZE - MAX_OP_SIZE || n > BATCH_SIZE - MAX_OP_SIZE) flush();
    codes[c++] = target * 2 + kind;
  };
  const histogramRow = (
    target: number,
    head: readonly SqlValue[],
    histogram: ArrayLike<number>,
    tail: readonly SqlValue[],
    buckets: readonly number[] | undefined,
  ): void => {
    if (histogram.length !== BUCKET_COUNT)
      throw new Error(`createRowEncoder: expected ${BUCKET_COUNT} histogram buckets, got ${histogram.length}`);
    start(target, 1);
    values(head, target * SLOTS, 0);
    values(tail, target * SLOTS + SLOTS / 2, 0);
    const at = c++;
    if (buckets !== undefined) {
      // Only the listed buckets can be other than 0; the replay sets buckets by number, in any order.
      for (let j = 0; j < buckets.length; j++) {
        const b = buckets[j]!;
        const v = histogram[b]!;
        if (notZero(v)) {
          codes[c++] = b;
          nums[n++] = v;
        }
      }
    } else {
      for (let b = 0; b < histogram.length; b++) {
        const v = histogram[b]!;
        if (notZero(v)) {
          codes[c++] = b;
          nums[n++] = v;
        }
      }
    }
    codes[at] = c - at - 1;
  };
  const fineBucket = (fine: FineHistogram, b: number): void => {
    codes[c++] = b;
    nums[n++] = fine.counts[b]!;
    nums[n++] = fine.seconds[b]!;
  };
  const writer = (w: number): ModelRows => {
    const targets = new Map(MODEL_TABLES.map((t, i) => [t, w * TABLES + i]));
    const addHistogramRow: ModelRows['addHistogramRow'] = (table, head, histogram, fine, tail, fineBuckets, histogramBuckets) => {
      histogramRow(targets.get(table)!, head, histogram, tail, histogramBuckets);
      const at = c++;
      if (fineBuckets) for (let j = 0; j < fineBuckets.length; j++) fineBucket(fine, fineBuckets[j]!);
      else for (let b = 0; b < fine.counts.length; b++) if (notZero(fine.counts[b]!) || notZero(fine.seconds[b]!)) fineBucket(fine, b);
      codes[at] = c - at - 1;
    };
    return {
      add(table, vs) {
        const target = targets.get(table)!;
        start(target, 0);
        values(vs, target * SLOTS, UNIQUE_COLUMNS[table] ?? 0);
      },
      addHistogramRow,
      addStepRow: stepRowAdder(addHistogramRow),
    };
  };
  return { exact: writer(0), viewer: writer(1), flush };
}

import { BUCKET_COUNT, FINE_BUCKET_COUNT } from '@sagsflow/shared';
import type { SqlValue } from '../db/batch-insert';
import type { HistogramTable, ModelRows } from './model-writer';
import { INLINE_VALUE, NULL_VALUE, NUMBER_VALUE, TABLES, tableOfTarget, type RowBatch } from './row-batch';

/**
 * Replays `RowBatch`es (see `createRowEncoder`) into the exact and viewer-grade writers: the same
 * calls, with the same values, in the same order as the encoder was given. Value arrays and
 * histograms are reused from row to row (the writers copy what they keep).
 */
export function createRowReplay(exact: ModelRows, viewer: ModelRows): (batch: RowBatch) => void {
  const strings: string[] = [];
  const scratch: SqlValue[][] = [];
  const tails: SqlValue[][] = [];
  const histogram = new Float64Array(BUCKET_COUNT);
  const fine = { counts: new Float64Array(FINE_BUCKET_COUNT), seconds: new Float64Array(FINE_BUCKET_COUNT) };
  const fineBuckets: number[] = [];
  const setBuckets: number[] = [];
  return (batch) => {
    for (const s of batch.strings) strings.push(s);
    const { codes, nums, inline } = batch;
    let c = 0;
    let n = 0;
    const values = (pool: SqlValue[][]): SqlValue[] => {
      const count = codes[c++]!;
      const out = (pool[count] ??= new Array<SqlValue>(count).fill(null));
      for (let i = 0; i < count; i++) {
        const code = codes[c++]!;
        out[i] = code >= 0 ? strings[code]! : code === NUMBER_VALUE ? nums[n++]! : code === NULL_VALUE ? null : inlineValue(inline, code);
      }
      return out;
    };
    while (c < batch.codeCount) {
      const op = codes[c++]!;
      const target = op >> 1;
      const out = target < TABLES ? exact : viewer;
      if ((op & 1) === 0) {
        out.add(tableOfTarget(target), values(scratch));
        continue;
      }
      const head = values(scratch);
      const tail = values(tails);
      for (let k = codes[c++]!; k > 0; k--) {
        const b = codes[c++]!;
        histogram[b] = nums[n++]!;
        setBuckets.push(b);
      }
      for (let k = codes[c++]!; k > 0; k--) {
        const b = codes[c++]!;
        fine.counts[b] = nums[n++]!;
        fine.seconds[b] = nums[n++]!;
        fineBuckets.push(b);
      }
      out.addHistogramRow(tableOfTarget(target) as HistogramTable, head, histogram, fine, tail, fineBuckets);
      for (const b of setBuckets) histogram[b] = 0;
      for (const b of fineBuckets) fine.counts[b] = fine.seconds[b] = 0;
      setBuckets.length = fineBuckets.length = 0;
    }
  };
}

function inlineValue(inline: readonly string[], code: number): string {
  const value = inline[INLINE_VALUE - code];
  if (value === undefined) throw new Error(`createRowReplay: unknown value code ${code} in a model row batch`);
  return value;
}

import type { FineHistogram } from '@sagsflow/shared';
import type { SqlValue } from '../db/batch-insert';
import { MODEL_TABLES, stepRowAdder, type HistogramTable, type ModelRows, type ModelTable } from './model-writer';
import { MAX_OP_SIZE, NULL_VALUE, NUMBER_VALUE, TABLES, type RowBatch } from './row-batch';

/** Codes (and numbers) per posted batch. */
const BATCH_SIZE = 1 << 16;

/** Whether `v` is stored as something other than the column's default 0 (-0 and NaN are kept as given). */
function notZero(v: number): boolean {
  return v !== 0 || 1 / v < 0;
}

/**
 * Writers of model rows that encode them into `RowBatch`es and hand each full batch to `post`
 * (its buffers may be transferred): the model worker's side of `createRowReplay`. Strings are
 * interned, each sent once. Call `flush` after the last row.
 */
export function createRowEncoder(post: (batch: RowBatch) => void): { exact: ModelRows; viewer: ModelRows; flush(): void } {
  const ids = new Map<string, number>();
  let strings: string[] = [];
  let codes = new Int32Array(BATCH_SIZE);
  let nums = new Float64Array(BATCH_SIZE);
  let c = 0;
  let n = 0;
  const flush = (): void => {
    if (c === 0) return;
    post({ strings, codes, codeCount: c, nums, numCount: n });
    strings = [];
    codes = new Int32Array(BATCH_SIZE);
    nums = new Float64Array(BATCH_SIZE);
    c = n = 0;
  };
  const value = (v: SqlValue): void => {
    if (typeof v === 'number') {
      codes[c++] = NUMBER_VALUE;
      nums[n++] = v;
    } else if (typeof v === 'string') {
      let id = ids.get(v);
      if (id === undefined) {
        ids.set(v, (id = ids.size));
        strings.push(v);
      }
      codes[c++] = id;
    } else if (v === null) codes[c++] = NULL_VALUE;
    else throw new Error(`createRowEncoder: a model value must be a number, a string or null, got ${typeof v}`);
  };
  const values = (vs: readonly SqlValue[]): void => {
    codes[c++] = vs.length;
    for (let i = 0; i < vs.length; i++) value(vs[i]!);
  };
  const start = (target: number, kind: number): void => {
    if (c > BATCH_SIZE - MAX_OP_SIZE || n > BATCH_SIZE - MAX_OP_SIZE) flush();
    codes[c++] = target * 2 + kind;
  };
  const writer = (w: number): ModelRows => {
    const targetOf = (table: ModelTable): number => w * TABLES + MODEL_TABLES.indexOf(table);
    const targets = new Map(MODEL_TABLES.map((t) => [t, targetOf(t)]));
    const addHistogramRow = (
      table: HistogramTable,
      head: readonly SqlValue[],
      histogram: ArrayLike<number>,
      fine: FineHistogram,
      tail: readonly SqlValue[],
      fineBuckets?: readonly number[],
    ): void => {
      start(targets.get(table)!, 1);
      values(head);
      values(tail);
      const at = c++;
      for (let b = 0; b < histogram.length; b++) {
        const v = histogram[b]!;
        if (notZero(v)) {
          codes[c++] = b;
          nums[n++] = v;
        }
      }
      codes[at] = c - at - 1;
      const fineAt = c++;
      const listFine = (b: number): void => {
        codes[c++] = b;
        nums[n++] = fine.counts[b]!;
        nums[n++] = fine.seconds[b]!;
      };
      if (fineBuckets) for (const b of fineBuckets) listFine(b);
      else for (let b = 0; b < fine.counts.length; b++) if (notZero(fine.counts[b]!) || notZero(fine.seconds[b]!)) listFine(b);
      codes[fineAt] = c - fineAt - 1;
    };
    return {
      add(table, vs) {
        start(targets.get(table)!, 0);
        values(vs);
      },
      addHistogramRow,
      addStepRow: stepRowAdder(addHistogramRow),
    };
  };
  return { exact: writer(0), viewer: writer(1), flush };
}

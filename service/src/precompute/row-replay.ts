import { BUCKET_COUNT, FINE_BUCKET_COUNT } from '@sagsflow/shared';
import type { SqlValue } from '../db/batch-insert';
import { splitWidths, type HistogramTable, type SplitRowWriter } from './model-writer';
import { INLINE_VALUE, NULL_VALUE, NUMBER_VALUE, TABLES, tableOfTarget, type RowBatch } from './row-batch';

/** A split step or edge row being decoded (`bound`: `dense` with text as UTF-8 bytes), and the `zeros` positions the last row set. */
interface SplitRow {
  dense: SqlValue[];
  bound: SqlValue[];
  zeros: Float64Array;
  set: number[];
}

/**
 * Replays `RowBatch`es (see `createRowEncoder`) into the exact and viewer-grade writers: the same
 * rows, with the same values, in the same order as the encoder was given. Step and edge rows are
 * decoded straight into the split form the sparse inserter takes (`addSplitRow`, with the
 * positions of their non-zero histogram values); value arrays are reused from row to row (the
 * writers copy what they keep). A string of the batches' string table is written as its UTF-8
 * bytes, encoded once (the step and edge rows' listener hears the strings); an inline string as
 * itself.
 */
export function createRowReplay(exact: SplitRowWriter, viewer: SplitRowWriter): (batch: RowBatch) => void {
  const strings: string[] = [];
  const bytes: Buffer[] = [];
  const bytesOf = (code: number): Buffer => (bytes[code] ??= Buffer.from(strings[code]!, 'utf8'));
  const scratch: SqlValue[][] = [];
  const splitRows: SplitRow[] = [];
  const splitRowOf = (target: number): SplitRow => {
    let row = splitRows[target];
    if (!row) {
      const widths = splitWidths(tableOfTarget(target) as HistogramTable);
      const dense = new Array<SqlValue>(widths.dense).fill(null);
      row = splitRows[target] = { dense, bound: [...dense], zeros: new Float64Array(widths.zeros), set: [] };
    }
    return row;
  };
  // The batch being decoded and the next code and number to read. The decode functions below are
  // made once (not per batch): V8 then optimises the row loop once, with calls it has seen before.
  let codes = new Int32Array(0);
  let nums = new Float64Array(0);
  let inline: readonly string[] = [];
  let c = 0;
  let n = 0;
  /** Decodes a count and that many values into `out` from `at` (strings as bytes); returns the count. */
  const valuesInto = (out: SqlValue[], at: number): number => {
    const count = codes[c++]!;
    for (let i = at; i < at + count; i++) {
      const code = codes[c++]!;
      out[i] = code >= 0 ? bytesOf(code) : code === NUMBER_VALUE ? nums[n++]! : code === NULL_VALUE ? null : inlineValue(inline, code);
    }
    return count;
  };
  /** `valuesInto` for a split row: the strings into `dense`, the values with strings as bytes into `bound`. */
  const splitValuesInto = (dense: SqlValue[], bound: SqlValue[], at: number): number => {
    const count = codes[c++]!;
    for (let i = at; i < at + count; i++) {
      const code = codes[c++]!;
      if (code >= 0) {
        dense[i] = strings[code]!;
        bound[i] = bytesOf(code);
      } else {
        bound[i] = dense[i] = code === NUMBER_VALUE ? nums[n++]! : code === NULL_VALUE ? null : inlineValue(inline, code);
      }
    }
    return count;
  };
  /**
   * Writes the row whose codes start at `c`. One row per call: V8 optimises this function as a
   * whole (a loop over a batch's rows would be compiled on the stack as well, and again at every
   * deoptimisation, as new tables and writers show up in the stream).
   */
  const replayRow = (): void => {
    const op = codes[c++]!;
    const target = op >> 1;
    const table = tableOfTarget(target);
    const out = target < TABLES ? exact : viewer;
    if ((op & 1) === 0) {
      const values = (scratch[codes[c]!] ??= new Array<SqlValue>(codes[c]!).fill(null));
      valuesInto(values, 0);
      out.add(table, values);
      return;
    }
    const row = splitRowOf(target);
    const { dense, bound, zeros, set } = row;
    const head = splitValuesInto(dense, bound, 0);
    if (head + splitValuesInto(dense, bound, head) !== dense.length) throw new Error(`createRowReplay: a ${table} row of the wrong width`);
    for (const i of set) zeros[i] = 0;
    set.length = 0;
    for (let k = codes[c++]!; k > 0; k--) {
      const b = codes[c++]!;
      zeros[b] = nums[n++]!;
      set.push(b);
    }
    for (let k = codes[c++]!; k > 0; k--) {
      const b = BUCKET_COUNT + codes[c++]!;
      zeros[b] = nums[n++]!;
      zeros[b + FINE_BUCKET_COUNT] = nums[n++]!;
      set.push(b, b + FINE_BUCKET_COUNT);
    }
    out.addSplitRow(table as HistogramTable, dense, zeros, set, bound);
  };
  /** Writes the rows of the codes up to `end`, from `c` and `n`. */
  const replayRows = (end: number): void => {
    while (c < end) replayRow();
  };
  /** Appends a batch's new strings to the string table. */
  const addStrings = (list: readonly string[]): void => {
    for (let i = 0; i < list.length; i++) strings.push(list[i]!);
  };
  return (batch) => {
    addStrings(batch.strings);
    ({ codes, nums, inline } = batch);
    c = 0;
    n = 0;
    replayRows(batch.codeCount);
  };
}

function inlineValue(inline: readonly string[], code: number): string {
  const value = inline[INLINE_VALUE - code];
  if (value === undefined) throw new Error(`createRowReplay: unknown value code ${code} in a model row batch`);
  return value;
}

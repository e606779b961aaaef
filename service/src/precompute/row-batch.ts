import { BUCKET_COUNT, FINE_BUCKET_COUNT } from '@sagsflow/shared';
import { MODEL_TABLES, type ModelTable } from './model-writer';

/**
 * Model rows in compact form, as the model worker posts them to the loading thread: `codes`
 * holds a stream of operations, `nums` their numbers, and `strings` the strings first used in
 * this batch (appended, in order, to the string table the receiver keeps over all batches), and
 * `inline` the strings of this batch that are not kept (values of columns that hardly repeat).
 *
 * An operation starts with `target * 2 + kind`, where `target` is `writer * TABLES + table`
 * (writer 0 = exact, 1 = viewer-grade; table = index in `MODEL_TABLES`) and `kind` 0 is a plain
 * row (`add`), 1 a histogram row (`addHistogramRow`). A plain row is its value count and values.
 * A histogram row is the head's count and values, the tail's count and values, the count of
 * non-zero coarse buckets with their indices (values in `nums`), and the count of listed fine
 * buckets with their indices (counts then seconds in `nums`). A value is a string id (>= 0),
 * `NULL_VALUE`, `NUMBER_VALUE` (the number is the next one in `nums`), or `INLINE_VALUE - i`
 * for `inline[i]`.
 */
export interface RowBatch {
  strings: string[];
  inline: string[];
  codes: Int32Array<ArrayBuffer>;
  codeCount: number;
  nums: Float64Array<ArrayBuffer>;
  numCount: number;
}

/** The code of a null value. */
export const NULL_VALUE = -1;
/** The code of a number value (read from `nums`). */
export const NUMBER_VALUE = -2;
/** The code of the first inline string of a batch (the next are -4, -5, ...). */
export const INLINE_VALUE = -3;

/** Tables per writer in a target code. */
export const TABLES = MODEL_TABLES.length;

/** The most codes (or numbers) one operation takes: a batch is posted when fewer are left. */
export const MAX_OP_SIZE = 64 + BUCKET_COUNT + 2 * FINE_BUCKET_COUNT;

/** The table of a target code. */
export function tableOfTarget(target: number): ModelTable {
  return MODEL_TABLES[target % TABLES]!;
}

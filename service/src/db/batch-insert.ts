import type Database from 'better-sqlite3';

/** A value of one column in a raw insert. */
export type SqlValue = string | number | bigint | null;

/** Buffers rows and writes them with one prepared multi-row INSERT per full batch. */
export interface BatchInserter {
  /** Queues one row; `values` are in the order of the inserter's columns. */
  add(values: readonly SqlValue[]): void;
  /** Writes the queued rows. Call before reading the table or committing. */
  flush(): void;
  /** Rows written so far (flushed). */
  readonly written: number;
}

/**
 * A batched inserter into `table` (snake_case SQL names) for the bulk paths of ingest and
 * precompute, where per-row drizzle inserts would cost more than the I/O. Runs on the caller's
 * connection and inside the caller's transaction.
 */
export function createBatchInserter(
  sqlite: Database.Database,
  table: string,
  columns: readonly string[],
  batchRows = Math.max(1, Math.floor(4000 / columns.length)),
): BatchInserter {
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const many = sqlite.prepare(head + Array.from({ length: batchRows }, () => tuple).join(', '));
  const one = sqlite.prepare(head + tuple);
  const width = columns.length;
  let buffer: SqlValue[] = new Array<SqlValue>(batchRows * width);
  let rows = 0;
  let written = 0;
  return {
    add(values) {
      if (values.length !== width) {
        throw new Error(`createBatchInserter(${table}).add: expected ${width} values, got ${values.length}`);
      }
      const base = rows * width;
      for (let i = 0; i < width; i++) buffer[base + i] = values[i]!;
      rows++;
      if (rows === batchRows) {
        many.run(buffer);
        written += rows;
        rows = 0;
        buffer = new Array<SqlValue>(batchRows * width);
      }
    },
    flush() {
      for (let r = 0; r < rows; r++) one.run(buffer.slice(r * width, (r + 1) * width));
      written += rows;
      rows = 0;
    },
    get written() {
      return written;
    },
  };
}

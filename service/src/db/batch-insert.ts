import type Database from 'better-sqlite3';

/** A value of one column in a raw insert (bytes: a blob, or the UTF-8 of a text column listed in `textColumns`). */
export type SqlValue = string | number | bigint | Uint8Array | null;

/** Buffers rows and writes them with one prepared multi-row INSERT per full batch. */
export interface BatchInserter {
  /** Queues one row; `values` are in the order of the inserter's columns. */
  add(values: readonly SqlValue[]): void;
  /** Writes the queued rows. Call before reading the table or committing. */
  flush(): void;
  /** Rows written so far (flushed). */
  readonly written: number;
}

function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;
}

/**
 * A batched inserter into `table` (snake_case SQL names) for the bulk paths of ingest and
 * precompute, where per-row drizzle inserts would cost more than the I/O. `constants` are
 * columns with the same value in every row (e.g. log and version), written into the statement
 * instead of bound per row. `textColumns` take a string or its UTF-8 bytes (cast to text, the
 * same stored value; bytes skip the string's conversion in the bind). Runs on the caller's
 * connection and inside the caller's transaction. A batch's values go to `run` as arguments, not
 * as one array: better-sqlite3 reads an argument directly but each array element through a
 * property lookup (about 0.15 µs a row of 8 values, a sixth of an events row's cost).
 *
 * The statements are `INSERT OR FAIL`. A multi-row insert under the default conflict action
 * (ABORT) must undo its own earlier rows when a later one breaks a constraint, so SQLite keeps a
 * statement journal beside the transaction: a temporary file that every page the batch changes
 * is copied to first (about 1.2 GB of writes in a 1,000,000-event ingest). Under FAIL the rows
 * before the failing one stay and the error still ends the statement; every caller runs inside
 * a transaction that it rolls back on any error, so no partial batch is ever committed, and no
 * statement journal is opened.
 */
export function createBatchInserter(
  sqlite: Database.Database,
  table: string,
  columns: readonly string[],
  options: { constants?: Readonly<Record<string, string | number>>; batchRows?: number; textColumns?: readonly string[] } = {},
): BatchInserter {
  const constants = Object.entries(options.constants ?? {});
  const width = columns.length;
  const batchRows = options.batchRows ?? Math.max(1, Math.floor(500 / width));
  const names = [...constants.map(([c]) => c), ...columns].map((c) => `"${c}"`).join(', ');
  const head = `INSERT OR FAIL INTO "${table}" (${names}) VALUES `;
  const text = new Set(options.textColumns ?? []);
  const tuple = `(${[...constants.map(([, v]) => literal(v)), ...columns.map((c) => (text.has(c) ? 'CAST(? AS TEXT)' : '?'))].join(', ')})`;
  const many = sqlite.prepare(head + Array.from({ length: batchRows }, () => tuple).join(', '));
  const one = sqlite.prepare(head + tuple);
  const buffer: SqlValue[] = new Array<SqlValue>(batchRows * width).fill(null);
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
        many.run(...buffer);
        written += rows;
        rows = 0;
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

/**
 * Runs `fn` with the secondary indexes of `tables` dropped, then recreates them from their
 * stored SQL: one sort per index instead of a B-tree update per row. Call inside a transaction.
 */
export function withoutIndexes<T>(sqlite: Database.Database, tables: readonly string[], fn: () => T): T {
  const rebuild = dropIndexes(sqlite, tables);
  const result = fn();
  rebuild();
  return result;
}

/**
 * Drops the secondary indexes of `tables` and returns the function that recreates them from
 * their stored SQL (for a bulk write that spans awaits; see `withoutIndexes`). Call inside a
 * transaction, so that a rollback brings the indexes back too.
 */
export function dropIndexes(sqlite: Database.Database, tables: readonly string[]): () => void {
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const i of indexes) sqlite.exec(`DROP INDEX "${i.name}"`);
  return () => {
    for (const i of indexes) sqlite.exec(i.sql);
  };
}

import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { createBatchInserter, type SqlValue } from './batch-insert';

/** The (log, version) whose rows a writer replaces or adds to. */
export interface VersionTarget {
  log: string;
  version: number;
}

/** The columns of a table's insert row, by their schema keys. */
export type InsertKey<T extends SQLiteTable> = keyof T['$inferInsert'] & string;

/** One row as a tuple: the insert row's values of `keys`, in that order (null, never left out, for an empty value). */
export type InsertTuple<T extends SQLiteTable, K extends readonly InsertKey<T>[]> = {
  -readonly [I in keyof K]: Exclude<T['$inferInsert'][K[I]], undefined>;
};

/** A batched inserter whose rows are typed from the table's schema. */
export interface TableInserter<Row> {
  /** Queues one row (written when its batch is full, or at `flush`). */
  add(values: Row): void;
  /** Writes the queued rows. Call before reading the table or committing. */
  flush(): void;
  /** Rows written so far (flushed). */
  readonly written: number;
}

/**
 * A batched inserter into a schema table for one (log, version): rows are tuples of the
 * insert row's `keys` (types from `$inferInsert`), the SQL names come from the schema, and
 * `log` and `version` are written into the statement once (`createBatchInserter`, as fast).
 *
 * @example
 * const out = tableInserter(sqlite, compliance, ['process', 'jobcenter', 'month', 'rule', 'status', 'cases', 'sumDaysLate'], target);
 * out.add(['dagpenge', 'Nord', '2024-01', 'R1', 'fulfilled', 12, 0]);
 * out.flush();
 */
export function tableInserter<T extends SQLiteTable, const K extends readonly InsertKey<T>[]>(
  sqlite: Database.Database,
  table: T,
  keys: K,
  target: VersionTarget,
): TableInserter<InsertTuple<T, K>> {
  const columns: Record<string, { name: string }> = getTableColumns(table);
  const names = keys.map((k) => columns[k]!.name);
  const inserter = createBatchInserter(sqlite, getTableName(table), names, { constants: { log: target.log, version: target.version } });
  return {
    add: (values) => inserter.add(values as readonly SqlValue[]),
    flush: () => inserter.flush(),
    get written() {
      return inserter.written;
    },
  };
}

import type Database from 'better-sqlite3';
import { quoteIdent } from './sql/fragment';
import type { VersionTarget } from './table-inserter';

/** Deletes the rows of one (log, version) from each of `tables` (versioned tables, named by their SQL names). */
export function deleteVersionRows(sqlite: Database.Database, tables: readonly string[], target: VersionTarget): void {
  for (const table of tables)
    sqlite.prepare(`DELETE FROM ${quoteIdent(table)} WHERE log = ? AND version = ?`).run(target.log, target.version);
}

/** True when `table` holds a row of the (log, version). */
export function hasVersionRows(sqlite: Database.Database, table: string, target: VersionTarget): boolean {
  return (
    sqlite
      .prepare(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table)} WHERE log = ? AND version = ?)`)
      .pluck()
      .get(target.log, target.version) === 1
  );
}

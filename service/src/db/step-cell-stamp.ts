import type Database from 'better-sqlite3';
import { quoteIdent } from './sql/fragment';
import { cachedStatement } from './sql/statement-cache';
import type { StepCell } from './step-cells';

/**
 * A stamp of one cell of a log's step table: its row count, first and last row id, summed cases
 * and seconds and highest version, with the log's `updated_at` and current version. Read through
 * the scope index (a few hundred rows), it tells whether a cell's cached sums still hold after
 * another connection committed: a load, erasure or retention that changes the cell's rows moves
 * it, while the cells of logs a commit did not touch keep theirs.
 */
export function stepCellStamp(sqlite: Database.Database, table: string, log: string, cell: StepCell): string {
  const row = cachedStatement(
    sqlite,
    `SELECT count(*), min(id), max(id), total(cases), total(sum_seconds), max(version),` +
      ` (SELECT updated_at || ':' || current_version FROM logs WHERE name = ?)` +
      ` FROM ${quoteIdent(table)} WHERE log = ? AND jobcenter = ? AND period = ?`,
  )
    .raw()
    .get(log, log, cell.jobcenter, cell.period) as unknown[];
  return JSON.stringify(row);
}

/** The names of the stored logs, by name. */
export function storedLogNames(sqlite: Database.Database): string[] {
  return sqlite.prepare('SELECT name FROM logs ORDER BY name').pluck().all() as string[];
}

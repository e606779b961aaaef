import type Database from 'better-sqlite3';

/** One stored version of a log with its last stored load's figures, its record and its loader's token name. */
export interface StoredVersionRow {
  version: number;
  finished_at: number | null;
  files: string;
  rows_read: number;
  rows_accepted: number;
  rows_duplicates: number;
  rows_quarantined: number;
  cases: number;
  events: number;
  loaded_by: string | null;
  token_name: string | null;
  recipe: string | null;
  kept: number | null;
  /** 1 for the version `current` names. */
  current: number;
}

/** The stored versions of `log` (the last stored load of each), newest first; `current` marks version `current`. */
export function storedVersionRows(sqlite: Database.Database, log: string, current: number): StoredVersionRow[] {
  return sqlite
    .prepare(
      `SELECT l.version, l.finished_at, l.files, l.rows_read, l.rows_accepted, l.rows_duplicates, l.rows_quarantined, l.cases, l.events,
              v.loaded_by, t.name AS token_name, v.recipe, v.kept, l.version = ? AS current
       FROM loads l LEFT JOIN log_versions v ON v.log = l.log AND v.version = l.version LEFT JOIN tokens t ON t.id = v.loaded_by
       WHERE l.log = ? AND l.status = 'stored' AND l.id = (SELECT max(id) FROM loads m WHERE m.log = l.log AND m.version = l.version AND m.status = 'stored')
       ORDER BY l.version DESC`,
    )
    .all(current, log) as StoredVersionRow[];
}

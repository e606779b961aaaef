import type Database from 'better-sqlite3';

/** A case's stored data besides its events (as in `cases` / `version_cases`). */
export interface StoredCase {
  process: string;
  jobcenter: string;
  attributes: string | null;
}

/** A stored event: case id, activity, timestamp, resource, lifecycle, attributes (JSON). */
export type StoredEventRow = [string, string, number, string | null, string | null, string | null];

/** The events of a log version (`events` rows), in their order. */
export function storedEventRows(sqlite: Database.Database, log: string, version: number): Iterable<StoredEventRow> {
  return sqlite
    .prepare('SELECT case_id, activity, timestamp, resource, lifecycle, attributes FROM events WHERE log = ? AND version = ? ORDER BY id')
    .raw()
    .iterate(log, version) as Iterable<StoredEventRow>;
}

/** The case rows (`cases`) of a log version, by case id. */
export function storedCases(sqlite: Database.Database, log: string, version: number): Map<string, StoredCase> {
  const out = new Map<string, StoredCase>();
  const rows = sqlite
    .prepare('SELECT case_id, process, jobcenter, attributes FROM cases WHERE log = ? AND version = ?')
    .raw()
    .iterate(log, version) as Iterable<[string, string, string, string | null]>;
  for (const [caseId, process, jobcenter, attributes] of rows) out.set(caseId, { process, jobcenter, attributes });
  return out;
}

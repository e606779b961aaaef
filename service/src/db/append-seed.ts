import type Database from 'better-sqlite3';
import { EVENT_COLUMNS } from './event-insert';

/** An accepted event as the load stores it (`EVENT_COLUMNS` order). */
export type StoredEventFields = readonly [
  string,
  string,
  number,
  number | null,
  string | null,
  string | null,
  string | null,
  string | null,
];

const FIELDS = EVENT_COLUMNS.join(', ');

/** Copies the events of version `from` of `log` into version `to`, in their order (in the caller's transaction). */
export function copyVersionEvents(sqlite: Database.Database, log: string, from: number, to: number): void {
  sqlite
    .prepare(`INSERT INTO events (log, version, ${FIELDS}) SELECT log, ?, ${FIELDS} FROM events WHERE log = ? AND version = ? ORDER BY id`)
    .run(to, log, from);
}

/** The first and last event timestamp of a log version (null when it has no events). */
export function versionEventSpan(sqlite: Database.Database, log: string, version: number): { first: number | null; last: number | null } {
  return sqlite
    .prepare('SELECT min(timestamp) AS first, max(timestamp) AS last FROM events WHERE log = ? AND version = ?')
    .get(log, version) as {
    first: number | null;
    last: number | null;
  };
}

/** The events of a log version as the load stored them (`EVENT_COLUMNS` order). */
export function versionEventFields(sqlite: Database.Database, log: string, version: number): Iterable<StoredEventFields> {
  return sqlite
    .prepare(`SELECT ${FIELDS} FROM events WHERE log = ? AND version = ?`)
    .raw()
    .iterate(log, version) as Iterable<StoredEventFields>;
}

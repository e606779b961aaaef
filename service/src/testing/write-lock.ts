import Database from 'better-sqlite3';

/**
 * A file database at `path` as the server opens it (WAL, a 5 s busy timeout) with `schema`
 * created, and a second connection (`load`) that holds its write lock (`BEGIN IMMEDIATE`), as a
 * load in a worker does for its whole transaction. End the lock with `load.exec('COMMIT')` or
 * `'ROLLBACK'`; close both connections at the end.
 */
export function lockedByAnotherConnection(path: string, schema: string): { server: Database.Database; load: Database.Database } {
  const server = new Database(path);
  server.pragma('journal_mode = WAL');
  server.pragma('busy_timeout = 5000');
  server.exec(schema);
  const load = new Database(path);
  load.exec('BEGIN IMMEDIATE');
  return { server, load };
}

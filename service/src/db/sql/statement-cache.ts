import type Database from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** How many statements one connection keeps prepared (the cache starts over beyond it). */
const MAX_STATEMENTS = 200;

/**
 * The statement for `sql` on `sqlite`, prepared once per connection: the step sums read ~175
 * summed columns, and preparing such a statement costs about as much as running it on one cell.
 */
export function cachedStatement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    statement = sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

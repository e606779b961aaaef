import type Database from 'better-sqlite3';
import { quoteIdent, whereSql, type SqlFragment } from './fragment';

/** A column as a table query reads it (the HTTP layer's `ColumnInfo` is one). */
export interface QueryColumn {
  name: string;
  edm: string;
  /** Seconds per stored unit for date-time columns: 1/1000 for ms, 1 for seconds. */
  timeUnitMs: number;
}

/** A table as a table query reads it (the HTTP layer's `TableInfo` is one). */
export interface QueryTable {
  sqlName: string;
  columns: readonly QueryColumn[];
  /** Key columns (one for keyset paging; several when the table has a composite key). */
  key: readonly string[];
}

/** One ORDER BY term. */
export interface OrderTerm {
  column: string;
  desc: boolean;
}

/** What to read from a table: conditions (already parameterised), order and columns. */
export interface TableQuery<T extends QueryTable = QueryTable> {
  table: T;
  /** AND-ed conditions: the `$filter`, REST filters and the token's jobcenter scope. */
  where: SqlFragment[];
  /** Empty: by key ascending, which allows keyset paging. */
  orderBy: OrderTerm[];
  /** Columns to return; null for all. */
  select: string[] | null;
}

/** One page: `after` continues after the given key values (keyset), else `offset` rows are skipped. */
export interface PageRequest {
  limit: number;
  offset: number;
  after: unknown[] | null;
}

/** A page of rows as arrays (in the order of `columns`: the selected columns, then missing key columns) and the key of its last row. */
export interface Page {
  columns: string[];
  rows: unknown[][];
  lastKey: unknown[] | null;
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement from this connection's cache (the page queries of a column set repeat). */
export function prepareCached(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(sqlite);
  if (!cache) {
    cache = new Map();
    statementCache.set(sqlite, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size > 500) cache.clear();
    stmt = sqlite.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}

/** Counts the rows matching a query (ignoring paging). */
export function countRows(sqlite: Database.Database, q: TableQuery): number {
  const where = whereSql(q.where);
  const row = prepareCached(sqlite, `SELECT count(*) AS n FROM ${quoteIdent(q.table.sqlName)}${where.sql}`).get(...where.params) as {
    n: number;
  };
  return row.n;
}

/** The SQL of one page of a query: `selectList` from its table, its conditions, the key after `page.after`, order, LIMIT and OFFSET. */
export function pageSql(q: TableQuery, page: PageRequest, selectList: string): SqlFragment {
  const { table } = q;
  const parts = [...q.where];
  if (page.after !== null) {
    const keys = table.key.map(quoteIdent);
    const tuple = keys.length === 1 ? keys[0]! : `(${keys.join(', ')})`;
    const marks = keys.length === 1 ? '?' : `(${keys.map(() => '?').join(', ')})`;
    parts.push({ sql: `${tuple} > ${marks}`, params: page.after });
  }
  const where = whereSql(parts);
  const order =
    q.orderBy.length > 0
      ? [...q.orderBy.map((o) => `${quoteIdent(o.column)}${o.desc ? ' DESC' : ''}`), ...table.key.map(quoteIdent)]
      : table.key.map(quoteIdent);
  return {
    sql: `SELECT ${selectList} FROM ${quoteIdent(table.sqlName)}${where.sql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`,
    params: [...where.params, page.limit, page.offset],
  };
}

/** Reads one page of a query; keyset paging (`after`) needs the default key order. */
export function fetchPage(sqlite: Database.Database, q: TableQuery, page: PageRequest): Page {
  const wanted = q.select ?? q.table.columns.map((c) => c.name);
  const fetched = [...new Set([...wanted, ...q.table.key])];
  const { sql, params } = pageSql(q, page, fetched.map(quoteIdent).join(', '));
  const rows = prepareCached(sqlite, sql)
    .raw(true)
    .all(...params) as unknown[][];
  return { columns: fetched, rows, lastKey: keyOf(fetched, q.table.key, rows[rows.length - 1]) };
}

/** The key values of a raw row, or null when there is no row. */
export function keyOf(columns: readonly string[], key: readonly string[], row: unknown[] | undefined): unknown[] | null {
  return row ? key.map((k) => row[columns.indexOf(k)]) : null;
}

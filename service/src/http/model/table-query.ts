import type Database from 'better-sqlite3';
import type { TableInfo } from './table-info';
import { quoteIdent, type SqlFragment } from './sql';

/** One ORDER BY term. */
export interface OrderTerm {
  column: string;
  desc: boolean;
}

/** What to read from a table: conditions (already parameterised), order and columns. */
export interface TableQuery {
  table: TableInfo;
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

/** A page of rows (objects keyed by column name) and the key of its last row. */
export interface Page {
  rows: Record<string, unknown>[];
  lastKey: unknown[] | null;
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepare(sqlite: Database.Database, sql: string): Database.Statement {
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

/** The condition limiting a table to a token's jobcenters (or nothing for unlimited tokens). */
export function jobcenterScope(table: TableInfo, jobcenters: readonly string[] | null): SqlFragment[] {
  if (jobcenters === null || table.jobcenterColumn === null) return [];
  if (jobcenters.length === 0) return [{ sql: '0', params: [] }];
  return [{ sql: `${quoteIdent(table.jobcenterColumn)} IN (${jobcenters.map(() => '?').join(', ')})`, params: [...jobcenters] }];
}

function whereClause(parts: SqlFragment[]): SqlFragment {
  if (parts.length === 0) return { sql: '', params: [] };
  return { sql: ` WHERE ${parts.map((p) => p.sql).join(' AND ')}`, params: parts.flatMap((p) => p.params) };
}

/** Counts the rows matching a query (ignoring paging). */
export function countRows(sqlite: Database.Database, q: TableQuery): number {
  const where = whereClause(q.where);
  const row = prepare(sqlite, `SELECT count(*) AS n FROM ${quoteIdent(q.table.sqlName)}${where.sql}`).get(...where.params) as { n: number };
  return row.n;
}

/** Reads one page of a query; keyset paging (`after`) needs the default key order. */
export function fetchPage(sqlite: Database.Database, q: TableQuery, page: PageRequest): Page {
  const { table } = q;
  const wanted = q.select ?? table.columns.map((c) => c.name);
  const fetched = [...new Set([...wanted, ...table.key])];
  const parts = [...q.where];
  if (page.after !== null) {
    const keys = table.key.map(quoteIdent);
    const tuple = keys.length === 1 ? keys[0]! : `(${keys.join(', ')})`;
    const marks = keys.length === 1 ? '?' : `(${keys.map(() => '?').join(', ')})`;
    parts.push({ sql: `${tuple} > ${marks}`, params: page.after });
  }
  const where = whereClause(parts);
  const order = q.orderBy.length > 0
    ? [...q.orderBy.map((o) => `${quoteIdent(o.column)}${o.desc ? ' DESC' : ''}`), ...table.key.map(quoteIdent)]
    : table.key.map(quoteIdent);
  const sql =
    `SELECT ${fetched.map(quoteIdent).join(', ')} FROM ${quoteIdent(table.sqlName)}${where.sql}` +
    ` ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`;
  const rows = prepare(sqlite, sql).all(...where.params, page.limit, page.offset) as Record<string, unknown>[];
  const last = rows[rows.length - 1];
  return { rows, lastKey: last ? table.key.map((k) => last[k]) : null };
}

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

/** Counts the rows matching a query (ignoring paging). */
export function countRows(sqlite: Database.Database, q: TableQuery): number {
  const where = whereSql(q.where);
  const row = prepare(sqlite, `SELECT count(*) AS n FROM ${quoteIdent(q.table.sqlName)}${where.sql}`).get(...where.params) as { n: number };
  return row.n;
}

function pageSql(q: TableQuery, page: PageRequest, selectList: string): { sql: string; params: unknown[] } {
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
  const rows = prepare(sqlite, sql)
    .raw(true)
    .all(...params) as unknown[][];
  return { columns: fetched, rows, lastKey: keyOf(fetched, q.table.key, rows[rows.length - 1]) };
}

/** A page of rows as JSON object texts, and the key of row i (for the next keyset page). */
export interface JsonPage {
  json: string[];
  keyAt(i: number): unknown[] | null;
}

/** SQL that renders a column as its JSON value (ISO date-times, true/false) inside `json_object`. */
function jsonExpr(c: QueryColumn): string {
  const col = quoteIdent(c.name);
  if (c.edm === 'Edm.DateTimeOffset') return `strftime('%Y-%m-%dT%H:%M:%fZ', ${col} * ${c.timeUnitMs / 1000}, 'unixepoch')`;
  if (c.edm === 'Edm.Boolean') return `CASE WHEN ${col} IS NULL THEN NULL WHEN ${col} THEN json('true') ELSE json('false') END`;
  return col;
}

/** Most columns one `json_object` call may take (SQLite allows 127 function arguments by default). */
const MAX_JSON_COLUMNS = 60;

/**
 * The SQL of a row as JSON object text: one `json_object` per chunk of at most
 * `MAX_JSON_COLUMNS` columns, the chunks joined into one object (every value is a scalar, so
 * the only braces at a chunk's ends are its own).
 */
function jsonObjectSql(columns: readonly QueryColumn[]): string {
  const chunks: string[] = [];
  for (let i = 0; i < columns.length; i += MAX_JSON_COLUMNS) {
    const part = columns.slice(i, i + MAX_JSON_COLUMNS);
    chunks.push(`json_object(${part.map((c) => `'${c.name.replace(/'/g, "''")}', ${jsonExpr(c)}`).join(', ')})`);
  }
  if (chunks.length <= 1) return chunks[0] ?? 'json_object()';
  return chunks
    .map((chunk, i) =>
      i === 0 ? `rtrim(${chunk}, '}')` : i === chunks.length - 1 ? `ltrim(${chunk}, '{')` : `ltrim(rtrim(${chunk}, '}'), '{')`,
    )
    .join(` || ',' || `);
}

/**
 * Reads one page with each row already rendered as JSON object text by SQLite
 * (`json_object`, in chunks for wide tables such as the steps with their histogram columns):
 * a 5,000-row page then costs one string per row instead of one value per cell, which keeps
 * the garbage collector out of the hot path of a Power BI refresh.
 */
export function fetchJsonPage<T extends QueryTable>(sqlite: Database.Database, q: TableQuery<T>, page: PageRequest): JsonPage {
  const columns = q.select ? q.table.columns.filter((c) => q.select!.includes(c.name)) : q.table.columns;
  const { sql, params } = pageSql(q, page, [jsonObjectSql(columns), ...q.table.key.map(quoteIdent)].join(', '));
  const rows = prepare(sqlite, sql)
    .raw(true)
    .all(...params) as unknown[][];
  return { json: rows.map((r) => r[0] as string), keyAt: (i) => rows[i]?.slice(1) ?? null };
}

/** The key values of a raw row, or null when there is no row. */
export function keyOf(columns: readonly string[], key: readonly string[], row: unknown[] | undefined): unknown[] | null {
  return row ? key.map((k) => row[columns.indexOf(k)]) : null;
}

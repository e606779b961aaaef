import type Database from 'better-sqlite3';
import { quoteIdent } from './fragment';
import { pageSql, prepareCached, type PageRequest, type QueryColumn, type QueryTable, type TableQuery } from './table-query';

/** One page of rows rendered as a JSON array by SQLite, and where the next page starts. */
export interface JsonArrayPage {
  /** The UTF-8 bytes of the JSON array of the page's row objects (`[]` when empty). */
  json: Buffer;
  /** The key of the page's last row when the page is full (`limit` rows), else null. */
  lastKey: unknown[] | null;
  /** Whether a row follows the page. */
  more: boolean;
}

/** SQL that renders a column as its JSON value (ISO date-times, true/false) inside `json_object`. */
function jsonExpr(c: QueryColumn): string {
  const col = quoteIdent(c.name);
  if (c.edm === 'Edm.DateTimeOffset') return `strftime('%Y-%m-%dT%H:%M:%fZ', ${col} * ${c.timeUnitMs / 1000}, 'unixepoch')`;
  if (c.edm === 'Edm.Boolean') return `CASE WHEN ${col} IS NULL THEN NULL WHEN ${col} THEN json('true') ELSE json('false') END`;
  return col;
}

/**
 * Most columns one `json_object` call takes: two arguments a column, and the SQLite bundled
 * with better-sqlite3 allows 1,000 function arguments (a step row's 195 columns fit one call).
 */
const MAX_JSON_COLUMNS = 400;

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
 * Reads one page with the whole JSON array built by SQLite: each row a `json_object`, the rows
 * joined by `group_concat` over the ordered page (a sub-query with ORDER BY and LIMIT, which
 * SQLite feeds to the aggregate in its order) and handed over as one BLOB. A 5,000-row page of
 * the steps (195 columns, 9.8 MB) thus becomes one Buffer, written to the socket as it is: no
 * string per row, no join, no UTF-8 encoding of the body in JavaScript. A second query reads
 * only the keys at the page's end (the last row's, and whether one follows); both run in one
 * read transaction, so a commit of the ingest worker cannot fall between them.
 */
export function fetchJsonArrayPage<T extends QueryTable>(sqlite: Database.Database, q: TableQuery<T>, page: PageRequest): JsonArrayPage {
  const columns = q.select ? q.table.columns.filter((c) => q.select!.includes(c.name)) : q.table.columns;
  const rows = pageSql(q, page, `${jsonObjectSql(columns)} AS j`);
  const arraySql = `SELECT CAST('[' || coalesce(group_concat(j, ','), '') || ']' AS BLOB) FROM (${rows.sql})`;
  const ends = pageSql(q, { ...page, limit: 2, offset: page.offset + page.limit - 1 }, q.table.key.map(quoteIdent).join(', '));
  return sqlite.transaction((): JsonArrayPage => {
    const json = prepareCached(sqlite, arraySql)
      .pluck()
      .get(...rows.params) as Buffer;
    if (page.limit <= 0) return { json, lastKey: null, more: false };
    const keys = prepareCached(sqlite, ends.sql)
      .raw(true)
      .all(...ends.params) as unknown[][];
    return { json, lastKey: keys[0] ?? null, more: keys.length > 1 };
  })();
}

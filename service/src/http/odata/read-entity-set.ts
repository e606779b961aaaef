import type Database from 'better-sqlite3';
import type { TableInfo } from '../model/table-info';
import type { SqlFragment } from '../../db/sql/fragment';
import { countRows, type TableQuery } from '../../db/sql/table-query';
import { fetchJsonRowsPage } from '../../db/sql/json-page';
import { filterToSql } from './filter-sql';
import { encodeSkipToken, type ODataQueryOptions, type SkipToken } from './query-options';
import { ODataQueryError } from './odata-error';

/** Paging settings of the feed. */
export interface PagingOptions {
  /** Rows per page unless the client prefers fewer (`Prefer: odata.maxpagesize`). */
  pageSize: number;
}

/** One page of an entity set, serialised. */
export interface EntitySetPage {
  /** The UTF-8 bytes of the page's row objects joined by commas: the inside of its JSON array. */
  rows: Buffer;
  count: number | null;
  /** The skip token and `$top` of the next page, or null on the last page. */
  next: { skipToken: string; top: number | null } | null;
}

/** Builds the SQL query of an entity set request: its `$filter`, `$orderby`, `$select` and scope. */
export function entitySetQuery(table: TableInfo, options: ODataQueryOptions, scope: SqlFragment[]): TableQuery<TableInfo> {
  const where = [...scope];
  if (options.filter) where.push(filterToSql(table, options.filter));
  const byKey = options.orderBy.length === table.key.length && options.orderBy.every((o, i) => !o.desc && o.column === table.key[i]);
  return { table, where, orderBy: byKey ? [] : options.orderBy, select: options.select };
}

/**
 * Reads one server-driven page of an entity set. Default order (by key) pages by keyset,
 * so a page deep in a large table costs the same as the first; `$orderby` pages by offset.
 */
export function readEntitySet(
  sqlite: Database.Database,
  query: TableQuery<TableInfo>,
  options: ODataQueryOptions,
  paging: PagingOptions,
): EntitySetPage {
  const keyset = query.orderBy.length === 0;
  const token: SkipToken | null = options.skipToken;
  if (token && 'after' in token && (!keyset || token.after.length !== query.table.key.length)) {
    throw new ODataQueryError('$skiptoken: does not belong to this query; follow @odata.nextLink as given');
  }
  const after = token && 'after' in token ? token.after : null;
  const offset = token && 'offset' in token ? token.offset : token ? 0 : options.skip;
  const limit = Math.min(paging.pageSize, options.top ?? Number.POSITIVE_INFINITY);
  const page = fetchJsonRowsPage(sqlite, query, { limit, offset, after });
  let next: EntitySetPage['next'] = null;
  // A following row means the page is full: it holds `limit` rows.
  if (page.more && (options.top === null || limit < options.top)) {
    const nextToken: SkipToken = keyset ? { after: page.lastKey ?? [] } : { offset: offset + limit };
    next = { skipToken: encodeSkipToken(nextToken), top: options.top === null ? null : options.top - limit };
  }
  return {
    rows: page.rows,
    count: options.count ? countRows(sqlite, query) : null,
    next,
  };
}

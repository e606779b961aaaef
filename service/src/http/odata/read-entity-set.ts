import type Database from 'better-sqlite3';
import type { TableInfo } from '../model/table-info';
import type { SqlFragment } from '../../db/sql/fragment';
import { countRows, type TableQuery } from '../../db/sql/table-query';
import { fetchJsonRowsPage, type PageFrame } from '../../db/sql/json-page';
import { filterToSql } from './filter-sql';
import { encodeSkipToken, type ODataQueryOptions, type SkipToken } from './query-options';
import { ODataQueryError } from './odata-error';

/** Paging settings of the feed. */
export interface PagingOptions {
  /** Rows per page unless the client prefers fewer (`Prefer: odata.maxpagesize`). */
  pageSize: number;
}

/** What a page's envelope says besides its rows. */
export interface EntitySetPageInfo {
  count: number | null;
  /** The skip token and `$top` of the next page, or null on the last page. */
  next: { skipToken: string; top: number | null } | null;
}

/** One page of an entity set, serialised in its envelope. */
export interface EntitySetPage extends EntitySetPageInfo {
  /** The UTF-8 bytes of the envelope's start, the page's row objects joined by commas, and its end. */
  body: Buffer<ArrayBuffer>;
  /** Whether the page has no row. */
  empty: boolean;
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
 * `envelope` writes the text around the rows from the page's count and next page.
 */
export function readEntitySet(
  sqlite: Database.Database,
  query: TableQuery<TableInfo>,
  options: ODataQueryOptions,
  paging: PagingOptions,
  envelope?: (info: EntitySetPageInfo) => PageFrame,
): EntitySetPage {
  const keyset = query.orderBy.length === 0;
  const token: SkipToken | null = options.skipToken;
  if (token && 'after' in token && (!keyset || token.after.length !== query.table.key.length)) {
    throw new ODataQueryError('$skiptoken: does not belong to this query; follow @odata.nextLink as given');
  }
  const after = token && 'after' in token ? token.after : null;
  const offset = token && 'offset' in token ? token.offset : token ? 0 : options.skip;
  const limit = Math.min(paging.pageSize, options.top ?? Number.POSITIVE_INFINITY);
  const count = options.count ? countRows(sqlite, query) : null;
  let next: EntitySetPage['next'] = null;
  const page = fetchJsonRowsPage(sqlite, query, { limit, offset, after }, (end) => {
    // A following row means the page is full: it holds `limit` rows.
    if (end.more && (options.top === null || limit < options.top)) {
      const nextToken: SkipToken = keyset ? { after: end.lastKey ?? [] } : { offset: offset + limit };
      next = { skipToken: encodeSkipToken(nextToken), top: options.top === null ? null : options.top - limit };
    }
    return envelope ? envelope({ count, next }) : { before: '', after: '' };
  });
  return { body: page.body, empty: page.empty, count, next };
}

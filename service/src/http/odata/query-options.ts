import { parseFilter, type FilterExpr } from './filter-parser';
import { ODataQueryError } from './odata-error';
import { columnOf } from './filter-sql';
import type { TableInfo } from '../model/table-info';
import type { OrderTerm } from '../../db/sql/table-query';

/** Where a page continues: after a key (keyset paging) or at an absolute offset. */
export type SkipToken = { after: unknown[] } | { offset: number };

/** The parsed system query options of an entity set request. */
export interface ODataQueryOptions {
  select: string[] | null;
  filter: FilterExpr | null;
  orderBy: OrderTerm[];
  top: number | null;
  skip: number;
  skipToken: SkipToken | null;
  count: boolean;
}

const SUPPORTED = new Set(['$select', '$filter', '$orderby', '$top', '$skip', '$skiptoken', '$count', '$format']);

function nonNegativeInt(option: string, value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new ODataQueryError(`${option}: expected a non-negative integer, got '${value.slice(0, 40)}'`);
  const n = Number(value.trim());
  if (!Number.isSafeInteger(n))
    throw new ODataQueryError(`${option}: ${value.slice(0, 40)} is too large; at most ${Number.MAX_SAFE_INTEGER}`);
  return n;
}

/** A key value of a skip token: what a key column holds. */
function isKeyValue(v: unknown): boolean {
  return (
    v === null ||
    typeof v === 'string' ||
    (typeof v === 'number' && Number.isSafeInteger(v)) ||
    (typeof v === 'number' && Number.isFinite(v))
  );
}

/** Encodes a skip token as URL-safe base64 JSON. */
export function encodeSkipToken(token: SkipToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeSkipToken(value: string): SkipToken {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object') {
      const o = parsed as Record<string, unknown>;
      if (Array.isArray(o['after']) && o['after'].length <= 8 && o['after'].every(isKeyValue)) return { after: o['after'] };
      if (typeof o['offset'] === 'number' && Number.isSafeInteger(o['offset']) && o['offset'] >= 0) return { offset: o['offset'] };
    }
  } catch {
    // falls through to the error below
  }
  throw new ODataQueryError(`$skiptoken: '${value.slice(0, 60)}' is not a token this service issued; follow @odata.nextLink as given`);
}

/**
 * Reads and validates the system query options of a request against a table's columns.
 * @throws ODataQueryError (400) naming the option and the bad value.
 */
export function parseQueryOptions(query: Record<string, string>, table: TableInfo): ODataQueryOptions {
  for (const name of Object.keys(query)) {
    if (name.startsWith('$') && !SUPPORTED.has(name)) {
      throw new ODataQueryError(`${name}: query option not supported; supported: ${[...SUPPORTED].join(', ')}`);
    }
  }
  const format = query['$format'];
  if (format !== undefined && !/^(json|application\/json)/.test(format)) {
    throw new ODataQueryError(`$format: only json is supported, got '${format}'`);
  }
  const selectText = query['$select']?.trim();
  const select =
    selectText && selectText !== '*' ? [...new Set(selectText.split(',').map((s) => columnOf(table, s.trim(), '$select').name))] : null;
  const filterText = query['$filter']?.trim();
  const orderText = query['$orderby']?.trim();
  const orderBy: OrderTerm[] = orderText
    ? orderText.split(',').map((term) => {
        const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$/.exec(term);
        if (!m) throw new ODataQueryError(`$orderby: cannot read '${term.trim()}'; expected 'property [asc|desc]'`);
        return { column: columnOf(table, m[1]!, '$orderby').name, desc: m[2] === 'desc' };
      })
    : [];
  const countText = query['$count'];
  if (countText !== undefined && countText !== 'true' && countText !== 'false') {
    throw new ODataQueryError(`$count: expected true or false, got '${countText}'`);
  }
  return {
    select,
    filter: filterText ? parseFilter(filterText) : null,
    orderBy,
    top: query['$top'] !== undefined ? nonNegativeInt('$top', query['$top']) : null,
    skip: query['$skip'] !== undefined ? nonNegativeInt('$skip', query['$skip']) : 0,
    skipToken: query['$skiptoken'] !== undefined ? decodeSkipToken(query['$skiptoken']) : null,
    count: countText === 'true',
  };
}

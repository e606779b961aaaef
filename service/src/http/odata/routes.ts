import { Hono, type Context } from 'hono';
import type { AppContext, AppEnv } from '../app-env';
import { servedTable, tableDenial } from '../auth/principal';
import type { TableInfo } from '../model/table-info';
import { countRows } from '../../db/sql/table-query';
import { columnEquals } from '../../db/sql/fragment';
import { readScope } from '../model/read-scope';
import { metadataXml, serviceDocument } from './metadata';
import { ODataQueryError } from './odata-error';
import { parseQueryOptions } from './query-options';
import { entitySetQuery, readEntitySet, type EntitySetPageInfo } from './read-entity-set';
import type { PageFrame } from '../../db/sql/json-page';

const ODATA_HEADERS = { 'OData-Version': '4.0' };
const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** The request's address as the client sees it: behind a trusted proxy, with its X-Forwarded-Proto and -Host. */
function publicUrl(c: Context, ctx: AppContext): URL {
  const url = new URL(c.req.url);
  const remote = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
  const trusted = ctx.trustedProxies.includes('*') || (remote !== undefined && ctx.trustedProxies.includes(remote.replace(/^::ffff:/, '')));
  if (!trusted) return url;
  const proto = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase();
  const host = c.req.header('X-Forwarded-Host')?.split(',')[0]?.trim();
  if (proto === 'http' || proto === 'https') url.protocol = `${proto}:`;
  if (host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) url.host = host;
  return url;
}

function baseUrl(c: Context, ctx: AppContext): string {
  return `${publicUrl(c, ctx).origin}/odata`;
}

function preferredPageSize(c: Context, ctx: AppContext): { size: number; applied: boolean } {
  const m = /odata\.maxpagesize\s*=\s*"?(\d+)/.exec(c.req.header('Prefer') ?? '');
  if (!m) return { size: ctx.pageSize, applied: false };
  return { size: Math.max(1, Math.min(Number(m[1]), ctx.maxPageSize)), applied: true };
}

function nextLink(c: Context, ctx: AppContext, next: { skipToken: string; top: number | null }): string {
  const url = publicUrl(c, ctx);
  for (const name of ['$skiptoken', '$skip', '$top']) url.searchParams.delete(name);
  if (next.top !== null) url.searchParams.set('$top', String(next.top));
  url.searchParams.set('$skiptoken', next.skipToken);
  return url.toString();
}

/**
 * The answer to a request no route took: under `/odata`, a method other than GET is a 405 in
 * the OData error format (the feed is read-only); anything else is null (the app's 404).
 */
export function odataMethodNotAllowed(c: Context): never | null {
  if (!c.req.path.startsWith('/odata') || c.req.method === 'GET' || c.req.method === 'HEAD') return null;
  throw new ODataQueryError(`${c.req.method} is not allowed: the feed is read-only (GET)`, 405);
}

/** The key value of `Set(key)`: `123`, `'text'` (quotes doubled inside) or `id=123`, typed by the table's key column. */
function parseKey(table: TableInfo, text: string): string | number {
  if (table.key.length !== 1) throw new ODataQueryError(`${table.entitySet} has a composite key; read it with $filter`);
  const column = table.columns.find((col) => col.name === table.key[0])!;
  const raw = text.trim().replace(new RegExp(`^${table.key[0]}\\s*=\\s*`), '');
  if (column.edm === 'Edm.Int64') {
    if (!/^\d{1,15}$/.test(raw))
      throw new ODataQueryError(`key: ${table.entitySet} is keyed by the integer ${column.name}, got '${raw.slice(0, 40)}'`);
    return Number(raw);
  }
  const m = /^'((?:[^']|'')*)'$/.exec(raw);
  if (!m) throw new ODataQueryError(`key: ${table.entitySet} is keyed by the text ${column.name}; quote it: ${table.entitySet}('...')`);
  return m[1]!.replace(/''/g, "'");
}

/** The entity sets a principal may read, in the form it reads them (others are left out of the service document and `$metadata`). */
function visibleTables(c: Context<AppEnv>, ctx: AppContext): TableInfo[] {
  const principal = c.get('principal');
  return [...ctx.tables.values()].filter((t) => tableDenial(t, principal) === null).map((t) => servedTable(t, principal));
}

function resolveSet(c: Context<AppEnv>, ctx: AppContext, name: string): TableInfo {
  const table = ctx.tables.get(name);
  if (!table) {
    throw new ODataQueryError(
      `no entity set '${name}'; entity sets: ${visibleTables(c, ctx)
        .map((t) => t.entitySet)
        .join(', ')}`,
      404,
    );
  }
  const denial = tableDenial(table, c.get('principal'));
  if (denial) throw new ODataQueryError(denial, 403);
  return table;
}

/**
 * The OData v4 feed for Power BI's "OData feed" connector: service document, `$metadata`,
 * every model table as an entity set with `$select`, `$filter`, `$orderby`, `$top`, `$skip`,
 * `$count` and server-driven paging. Rows are limited to the token's jobcenters.
 */
export function odataRoutes(ctx: AppContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  r.use('*', async (c, next) => {
    // Set before the handler builds its response: a header set on a finished response makes Hono
    // rebuild it around its body as a stream (a 10 MB page scanned, encoded and streamed again).
    c.header('OData-Version', '4.0');
    await next();
    if (!c.res.headers.has('OData-Version')) c.header('OData-Version', '4.0');
  });
  const service = (c: Context<AppEnv>) =>
    c.body(JSON.stringify(serviceDocument(baseUrl(c, ctx), visibleTables(c, ctx))), 200, { 'Content-Type': JSON_TYPE });
  r.get('/', service);
  r.get('/:set', (c) => {
    const name = c.req.param('set');
    if (name === '$metadata') {
      return c.body(metadataXml(visibleTables(c, ctx)), 200, { 'Content-Type': 'application/xml;charset=utf-8' });
    }
    const byKey = /^([A-Za-z_][A-Za-z0-9_]*)\((.*)\)$/s.exec(name);
    if (byKey) {
      const principal = c.get('principal');
      const { table, where } = readScope(ctx, resolveSet(c, ctx, byKey[1]!), principal);
      const key = parseKey(table, byKey[2]!);
      const options = parseQueryOptions(
        Object.fromEntries(Object.entries(c.req.query()).filter(([k]) => k === '$select' || k === '$format')),
        table,
      );
      const query = entitySetQuery(table, options, [...where, columnEquals(table.key[0]!, key)]);
      const page = readEntitySet(ctx.sqlite, query, options, { pageSize: 1 });
      ctx.audit.record({ tokenId: principal.tokenId, action: 'read', target: `odata/${table.entitySet}(${key})`, detail: null });
      if (page.empty)
        throw new ODataQueryError(`no ${table.entityType} with ${table.key[0]} ${JSON.stringify(key)} in ${table.entitySet}`, 404);
      const select = options.select ? `(${options.select.join(',')})` : '';
      const context = JSON.stringify(`${baseUrl(c, ctx)}/$metadata#${table.entitySet}${select}/$entity`);
      return c.body(Buffer.concat([Buffer.from(`{"@odata.context":${context},`), page.body.subarray(1)]), 200, {
        'Content-Type': JSON_TYPE,
      });
    }
    const principal = c.get('principal');
    const { table, where } = readScope(ctx, resolveSet(c, ctx, name), principal);
    const options = parseQueryOptions(c.req.query(), table);
    const query = entitySetQuery(table, options, where);
    const prefer = preferredPageSize(c, ctx);
    const select = options.select ? `(${options.select.join(',')})` : '';
    const envelope = (info: EntitySetPageInfo): PageFrame => {
      let before = `{"@odata.context":${JSON.stringify(`${baseUrl(c, ctx)}/$metadata#${table.entitySet}${select}`)}`;
      if (info.count !== null) before += `,"@odata.count":${info.count}`;
      before += ',"value":[';
      const after = info.next ? `],"@odata.nextLink":${JSON.stringify(nextLink(c, ctx, info.next))}}` : ']}';
      return { before, after };
    };
    // The body names the request's address (context, next link): the address is part of the key.
    const key = JSON.stringify([
      'page',
      publicUrl(c, ctx).href,
      table.sqlName,
      query.where,
      query.orderBy,
      query.select,
      options.top,
      options.skip,
      options.skipToken,
      options.count,
      prefer.size,
    ]);
    // The page goes out as the bytes SQLite wrote, envelope included: no copy, no UTF-8 encoding of 10 MB.
    const page = ctx.cache.get(
      key,
      () => readEntitySet(ctx.sqlite, query, options, { pageSize: prefer.size }, envelope),
      (p) => p.body.byteLength,
    );
    ctx.audit.record({
      tokenId: principal.tokenId,
      action: 'read',
      target: `odata/${table.entitySet}`,
      detail: new URL(c.req.url).search || null,
    });
    const headers: Record<string, string> = { 'Content-Type': JSON_TYPE };
    if (prefer.applied) headers['Preference-Applied'] = `odata.maxpagesize=${prefer.size}`;
    return c.body(page.body, 200, headers);
  });
  r.get('/:set/:sub', (c) => {
    if (c.req.param('sub') !== '$count') throw new ODataQueryError(`unsupported path segment '${c.req.param('sub')}'; use $count`, 404);
    const principal = c.get('principal');
    const { table, where } = readScope(ctx, resolveSet(c, ctx, c.req.param('set')), principal);
    const options = parseQueryOptions(c.req.query(), table);
    const query = entitySetQuery(table, options, where);
    ctx.audit.record({
      tokenId: principal.tokenId,
      action: 'read',
      target: `odata/${table.entitySet}/$count`,
      detail: new URL(c.req.url).search || null,
    });
    const n = ctx.cache.get(
      JSON.stringify(['count', table.sqlName, query.where]),
      () => countRows(ctx.sqlite, query),
      () => 64,
    );
    return c.text(String(n), 200, ODATA_HEADERS);
  });
  return r;
}

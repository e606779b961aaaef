import { Hono, type Context } from 'hono';
import type { AppContext, AppEnv } from '../app-env';
import { servedTable, tableDenial } from '../auth/principal';
import type { TableInfo } from '../model/table-info';
import { countRows } from '../model/table-query';
import { readScope } from '../model/read-scope';
import { metadataXml, serviceDocument } from './metadata';
import { ODataQueryError } from './odata-error';
import { parseQueryOptions } from './query-options';
import { entitySetQuery, readEntitySet } from './read-entity-set';

const ODATA_HEADERS = { 'OData-Version': '4.0' };
const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

function baseUrl(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.origin}/odata`;
}

function preferredPageSize(c: Context, ctx: AppContext): { size: number; applied: boolean } {
  const m = /odata\.maxpagesize\s*=\s*"?(\d+)/.exec(c.req.header('Prefer') ?? '');
  if (!m) return { size: ctx.pageSize, applied: false };
  return { size: Math.max(1, Math.min(Number(m[1]), ctx.maxPageSize)), applied: true };
}

function nextLink(c: Context, next: { skipToken: string; top: number | null }): string {
  const url = new URL(c.req.url);
  for (const name of ['$skiptoken', '$skip', '$top']) url.searchParams.delete(name);
  if (next.top !== null) url.searchParams.set('$top', String(next.top));
  url.searchParams.set('$skiptoken', next.skipToken);
  return url.toString();
}

/** The entity sets a principal may read, in the form it reads them (others are left out of the service document and `$metadata`). */
function visibleTables(c: Context<AppEnv>, ctx: AppContext): TableInfo[] {
  const principal = c.get('principal');
  return [...ctx.tables.values()].filter((t) => tableDenial(t, principal) === null).map((t) => servedTable(t, principal));
}

function resolveSet(c: Context<AppEnv>, ctx: AppContext, name: string): TableInfo {
  const table = ctx.tables.get(name);
  if (!table) {
    throw new ODataQueryError(`no entity set '${name}'; entity sets: ${visibleTables(c, ctx).map((t) => t.entitySet).join(', ')}`, 404);
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
    await next();
    c.header('OData-Version', '4.0');
  });
  const service = (c: Context<AppEnv>) => c.body(JSON.stringify(serviceDocument(baseUrl(c), visibleTables(c, ctx))), 200, { 'Content-Type': JSON_TYPE });
  r.get('/', service);
  r.get('/:set', (c) => {
    const name = c.req.param('set');
    if (name === '$metadata') {
      return c.body(metadataXml(visibleTables(c, ctx)), 200, { 'Content-Type': 'application/xml;charset=utf-8' });
    }
    const principal = c.get('principal');
    const { table, where } = readScope(ctx, resolveSet(c, ctx, name), principal);
    const options = parseQueryOptions(c.req.query(), table);
    const query = entitySetQuery(table, options, where);
    const prefer = preferredPageSize(c, ctx);
    const key = JSON.stringify(['page', table.sqlName, query.where, query.orderBy, query.select, options.top, options.skip, options.skipToken, options.count, prefer.size]);
    const page = ctx.cache.get(key, () => readEntitySet(ctx.sqlite, query, options, { pageSize: prefer.size }), (p) => p.valueJson.length * 2);
    ctx.audit.record({ tokenId: principal.tokenId, action: 'read', target: `odata/${table.entitySet}`, detail: new URL(c.req.url).search || null });
    const select = options.select ? `(${options.select.join(',')})` : '';
    let body = `{"@odata.context":${JSON.stringify(`${baseUrl(c)}/$metadata#${table.entitySet}${select}`)}`;
    if (page.count !== null) body += `,"@odata.count":${page.count}`;
    body += `,"value":${page.valueJson}`;
    if (page.next) body += `,"@odata.nextLink":${JSON.stringify(nextLink(c, page.next))}`;
    body += '}';
    const headers: Record<string, string> = { 'Content-Type': JSON_TYPE };
    if (prefer.applied) headers['Preference-Applied'] = `odata.maxpagesize=${prefer.size}`;
    return c.body(body, 200, headers);
  });
  r.get('/:set/:sub', (c) => {
    if (c.req.param('sub') !== '$count') throw new ODataQueryError(`unsupported path segment '${c.req.param('sub')}'; use $count`, 404);
    const principal = c.get('principal');
    const { table, where } = readScope(ctx, resolveSet(c, ctx, c.req.param('set')), principal);
    const options = parseQueryOptions(c.req.query(), table);
    const query = entitySetQuery(table, options, where);
    ctx.audit.record({ tokenId: principal.tokenId, action: 'read', target: `odata/${table.entitySet}/$count`, detail: new URL(c.req.url).search || null });
    const n = ctx.cache.get(JSON.stringify(['count', table.sqlName, query.where]), () => countRows(ctx.sqlite, query), () => 64);
    return c.text(String(n), 200, ODATA_HEADERS);
  });
  return r;
}

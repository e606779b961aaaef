import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OData } from '@odata/client';
import type { FetchProxy } from '@odata/client/lib/types';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { fixtureApp } from '../../testing/http-fixture';
import { parseFilter } from './filter-parser';
import { filterToSql } from './filter-sql';
import { describeTable } from '../model/table-info';
import { cases, steps } from '../../db/schema';
import { createApp } from '../../app';

const CSDL = resolve(import.meta.dirname, '../../../../tests/data/odata-csdl');
type Feed = { value: Record<string, unknown>[]; '@odata.context'?: string; '@odata.nextLink'?: string; '@odata.count'?: number };

describe('$filter forms of the OASIS grammar', () => {
  const { get, tokens } = fixtureApp();
  const rows = async (set: string, filter: string) => {
    const res = await get(`/odata/${set}?$filter=${encodeURIComponent(filter)}`, tokens.analyst);
    expect(res.status, filter).toBe(200);
    return ((await res.json()) as Feed).value;
  };

  it.each([
    ["contains(jobcenter,'or') eq true", 'Variants', 2],
    ["contains(jobcenter,'or') eq false", 'Variants', 2],
    ["startswith(jobcenter,'S') and endswith(variant_key,'3')", 'Variants', 1],
    ["tolower(jobcenter) eq 'nord'", 'Variants', 2],
    ["toupper(jobcenter) eq 'SYD'", 'Variants', 2],
    ["jobcenter in ('Nord','Syd') and cases in (2, 7)", 'Variants', 2],
    ['cases add 1 gt 7', 'Variants', 2],
    ['cases sub 1 eq 1', 'Variants', 1],
    ['(cases mul 2) ge 14', 'Variants', 2],
    ['length(jobcenter) eq 3', 'Variants', 2],
    ['year(start) eq 2024 and month(start) eq 1 and day(start) le 10', 'Cases', 10],
    ["not contains(tolower(jobcenter), 'n') or cases gt 9", 'Variants', 3],
  ])('%s answers %s rows %i', async (filter, set, n) => {
    expect(await rows(set, filter)).toHaveLength(n);
  });

  it('compiles functions and arithmetic to parameterised SQL', () => {
    const info = describeTable(steps);
    expect(filterToSql(info, parseFilter("contains(jobcenter,'N') eq true"))).toEqual({
      sql: '(("jobcenter" LIKE ? ESCAPE \'\\\') = ?)',
      params: ['%N%', 1],
    });
    expect(filterToSql(info, parseFilter("tolower(jobcenter) in ('nord')"))).toEqual({
      sql: '(lower("jobcenter") IN (?))',
      params: ['nord'],
    });
    expect(filterToSql(describeTable(cases), parseFilter('year(start) eq 2024')).sql).toBe(
      "(CAST(strftime('%Y', (\"start\" * 0.001), 'unixepoch') AS INTEGER) = ?)",
    );
  });

  it.each([
    ['start lt 2026-02-30', "invalid date '2026-02-30'"],
    ['start lt 2026-13-01', "invalid date '2026-13-01'"],
    ['start lt 2026-01-01T24:00:00Z', 'invalid date'],
    ["tolower(cases) eq 'x'", 'tolower() expects a string'],
    ['year(jobcenter) eq 2024', 'year() expects a date-time property'],
    ['contains(jobcenter) eq true', 'contains() takes 2 argument(s), got 1'],
  ])('%s is a 400 naming %s', async (filter, fragment) => {
    const set = filter.includes('start') ? 'Cases' : 'Steps';
    const res = await get(`/odata/${set}?$filter=${encodeURIComponent(filter)}`, tokens.analyst);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(fragment);
  });
});

describe('entity by key, errors and hostile options', () => {
  const { get, tokens } = fixtureApp();

  it('Steps(1) and Steps(id=1) answer the entity with a $entity context; an unknown key is a 404, a badly typed one a 400', async () => {
    const res = await get('/odata/Steps(1)', tokens.analyst);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body['@odata.context']).toMatch(/\$metadata#Steps\/\$entity$/);
    expect(body['id']).toBe(1);
    expect(((await (await get('/odata/Steps(id=1)?$select=cases', tokens.analyst)).json()) as Record<string, unknown>)['cases']).toBeTypeOf(
      'number',
    );
    expect((await get('/odata/Steps(99999)', tokens.analyst)).status).toBe(404);
    expect((await get("/odata/Steps('x')", tokens.analyst)).status).toBe(400);
    expect((await get('/odata/Cases(1)', tokens.viewer)).status).toBe(403);
  });

  it('a 401 and a POST answer in the OData JSON error format with OData-Version; POST is 405', async () => {
    const unauth = await get('/odata/Steps');
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get('OData-Version')).toBe('4.0');
    expect(unauth.headers.get('WWW-Authenticate')).toContain('Basic');
    expect(((await unauth.json()) as { error: { code: string; message: string } }).error.code).toBe('Unauthorized');
    const post = await get('/odata/Steps', tokens.analyst, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('OData-Version')).toBe('4.0');
    expect(post.headers.get('Allow')).toBe('GET, HEAD');
    expect(((await post.json()) as { error: { code: string } }).error.code).toBe('MethodNotAllowed');
  });

  it.each([
    ['$skip of 2^63', '$skip=9223372036854775808', '$skip: 9223372036854775808 is too large'],
    ['$top of 10^20', '$top=99999999999999999999', '$top: '],
    [
      'a crafted $skiptoken with an object key',
      `$skiptoken=${Buffer.from(JSON.stringify({ after: [{ x: 1 }] })).toString('base64url')}`,
      '$skiptoken: ',
    ],
    [
      'a crafted $skiptoken with offset 1e300',
      `$skiptoken=${Buffer.from(JSON.stringify({ offset: 1e300 })).toString('base64url')}`,
      '$skiptoken: ',
    ],
    ['5,000 nested parentheses', `$filter=${'('.repeat(5000)}cases eq 1${')'.repeat(5000)}`, '$filter: nested more than 64 levels'],
    ['5,000 nots', `$filter=${'not '.repeat(5000)}open`, '$filter: nested more than 64 levels'],
  ])('%s is a 400 naming the option', async (_label, query, fragment) => {
    const res = await get(`/odata/Steps?${query.replace(/ /g, '%20')}`, tokens.analyst);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(fragment);
  });

  it('behind a trusted proxy @odata.context and nextLink use X-Forwarded-Proto and -Host; from others they are ignored', async () => {
    const headers = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'bi.example.dk' };
    const ignored = (await (await get('/odata/Steps?$top=1', tokens.analyst, { headers })).json()) as Feed;
    expect(ignored['@odata.context']).toMatch(/^http:\/\/localhost\//);
    const own = fixtureApp({ pageSize: 2 });
    const proxied = createProxied(own.store, own.tokens.analyst);
    const body = (await (await proxied('/odata/Steps', headers, '10.0.0.2')).json()) as Feed;
    expect(body['@odata.context']).toBe('https://bi.example.dk/odata/$metadata#Steps');
    expect(body['@odata.nextLink']).toMatch(/^https:\/\/bi\.example\.dk\/odata\/Steps\?%24skiptoken=/);
    const stranger = (await (await proxied('/odata/Steps', headers, '10.0.0.9')).json()) as Feed;
    expect(stranger['@odata.context']).toMatch(/^http:\/\/localhost\//);
  });
});

/** A second app over the same store that trusts the proxy 10.0.0.2 only; requests come from `remote`. */
function createProxied(store: ReturnType<typeof fixtureApp>['store'], token: string) {
  const app = createApp({
    db: store.db,
    sqlite: store.sqlite,
    dbPath: store.path,
    uploadDir: '/tmp',
    pageSize: 2,
    trustedProxies: ['10.0.0.2'],
    log: () => {},
    preview: false,
  });
  return (path: string, headers: Record<string, string>, remote: string) =>
    app.request(path, { headers: { ...headers, Authorization: `Bearer ${token}` } }, { incoming: { socket: { remoteAddress: remote } } });
}

describe('$metadata and a real OData client', () => {
  it('$metadata validates against the OASIS CSDL XML schemas (edmx.xsd + edm.xsd) and declares the Capabilities', async () => {
    const { get, tokens } = fixtureApp();
    const xml = await (await get('/odata/$metadata', tokens.analyst)).text();
    expect(xml).toContain('<Annotation Term="Capabilities.FilterFunctions">');
    const result = await validateXML({
      xml: [{ fileName: 'metadata.xml', contents: xml }],
      schema: [readFileSync(resolve(CSDL, 'edmx.xsd'), 'utf8')],
      preload: [{ fileName: 'edm.xsd', contents: readFileSync(resolve(CSDL, 'edm.xsd'), 'utf8') }],
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('@odata/client reads every entity set of an analyst and a viewer, and its counts equal $count', async () => {
    const { app, tokens } = fixtureApp();
    for (const token of [tokens.analyst, tokens.viewer]) {
      const fetchProxy = async (url: string, init: RequestInit) => {
        const response = await app.request(url.replace('http://sagsflow.test', ''), {
          ...init,
          headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` },
        });
        const text = await response.clone().text();
        return { content: text ? (JSON.parse(text) as unknown) : null, response };
      };
      // @odata/client types RequestInit from the DOM library; the proxy hands it to Hono as it is.
      const client = OData.New4({ serviceEndpoint: 'http://sagsflow.test/odata/', fetchProxy: fetchProxy as unknown as FetchProxy });
      const sets = ((await (await app.request('/odata/', { headers: { Authorization: `Bearer ${token}` } })).json()) as Feed).value.map(
        (s) => s['name'] as string,
      );
      expect(sets.length).toBeGreaterThan(5);
      for (const set of sets) {
        const entities = await client.getEntitySet(set).query();
        const count = Number(await (await app.request(`/odata/${set}/$count`, { headers: { Authorization: `Bearer ${token}` } })).text());
        expect(entities.length, set).toBe(count);
        expect(await client.getEntitySet(set).count(), set).toBe(count);
      }
    }
  });
});

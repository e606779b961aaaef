import { describe, expect, it } from 'vitest';
import { fixtureApp, FIXTURE_GROUPS } from '../../testing/http-fixture';
import { listAudit } from '../../tokens';

type Feed = { '@odata.context': string; '@odata.count'?: number; '@odata.nextLink'?: string; value: Record<string, unknown>[] };

describe('OData feed', () => {
  it('GET /odata answers the service document with every model table as an entity set', async () => {
    const { get, tokens } = fixtureApp();
    const res = await get('/odata', tokens.analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get('OData-Version')).toBe('4.0');
    const body = (await res.json()) as { '@odata.context': string; value: { name: string }[] };
    expect(body['@odata.context']).toMatch(/\/odata\/\$metadata$/);
    expect(body.value.map((v) => v.name)).toEqual([
      'Activities',
      'CaseCompliance',
      'Cases',
      'Compliance',
      'ConformanceActivities',
      'ConformanceCases',
      'ConformanceModels',
      'ConformanceVariants',
      'Edges',
      'FindingCases',
      'Findings',
      'Jobcenters',
      'Loads',
      'Logs',
      'Periods',
      'Quarantine',
      'RuleCatalogues',
      'Rules',
      'Steps',
      'Teams',
      'Variants',
    ]);
  });

  it('the service document of a viewer leaves out the case-level sets', async () => {
    const { get, tokens } = fixtureApp();
    const body = (await (await get('/odata/', tokens.viewer)).json()) as { value: { name: string }[] };
    expect(body.value.map((v) => v.name)).not.toContain('Cases');
    expect(body.value.map((v) => v.name)).toContain('Steps');
  });

  it('$metadata is CSDL with a Key and Edm types per entity type', async () => {
    const { get, tokens } = fixtureApp();
    const res = await get('/odata/$metadata', tokens.analyst);
    expect(res.headers.get('Content-Type')).toContain('application/xml');
    const xml = await res.text();
    expect(xml).toContain('<EntitySet Name="Steps" EntityType="Sagsflow.Step"/>');
    expect(xml).toMatch(/<EntityType Name="Step">\s*<Key><PropertyRef Name="id"\/><\/Key>/);
    expect(xml).toContain('<Property Name="sum_seconds" Type="Edm.Double" Nullable="false"/>');
    expect(xml).toContain('<Property Name="start" Type="Edm.DateTimeOffset" Nullable="false"/>');
    expect(xml).toContain('<Property Name="open" Type="Edm.Boolean" Nullable="false"/>');
    expect(xml).toContain('<Property Name="h24" Type="Edm.Int64" Nullable="false"/>');
    expect(xml).toContain('<EntityType Name="Log">');
    // well-formed: every opened element is closed in order
    const stack: string[] = [];
    for (const m of xml.matchAll(/<(\/?)([A-Za-z:]+)[^>]*?(\/?)>/g)) {
      if (m[3] === '/') continue;
      if (m[1] === '/') expect(stack.pop()).toBe(m[2]);
      else stack.push(m[2]!);
    }
    expect(stack).toEqual([]);
  });

  it('GET /odata/Steps returns an analyst the exact rows with @odata.context and the sums of the fixture', async () => {
    const { get, tokens } = fixtureApp();
    const body = (await (await get('/odata/Steps?$count=true', tokens.analyst)).json()) as Feed;
    expect(body['@odata.context']).toMatch(/\$metadata#Steps$/);
    const expectedRows = FIXTURE_GROUPS.reduce((n, g) => n + g.activities.length + 1, 0);
    expect(body['@odata.count']).toBe(expectedRows);
    expect(body.value).toHaveLength(expectedRows);
    expect(body.value[0]).toHaveProperty('h00', 0);
  });

  it('$select, $filter, $orderby, $top and $skip combine', async () => {
    const { get, tokens } = fixtureApp();
    const q =
      "/odata/Variants?$select=jobcenter,cases&$filter=cases ge 3 and (jobcenter eq 'Syd' or variant_key eq 'aaaaaaaaaaaaaaa1')&$orderby=cases desc,jobcenter&$top=2&$skip=1";
    const body = (await (await get(encodeURI(q), tokens.analyst)).json()) as Feed;
    expect(body['@odata.context']).toMatch(/#Variants\(jobcenter,cases\)$/);
    expect(body.value).toEqual([
      { jobcenter: 'Syd', cases: 7 },
      { jobcenter: 'Syd', cases: 3 },
    ]);
  });

  it('date-times come back as ISO strings and booleans as booleans', async () => {
    const { get, tokens } = fixtureApp();
    const body = (await (await get('/odata/Cases?$top=1&$select=start,open', tokens.analyst)).json()) as Feed;
    expect(body.value[0]).toEqual({ start: '2024-01-01T00:00:00.000Z', open: false });
  });

  it('paging by nextLink with odata.maxpagesize returns every row exactly once', async () => {
    const { get, tokens } = fixtureApp();
    const all = (await (await get('/odata/Cases?$select=id', tokens.analyst)).json()) as Feed;
    const seen: unknown[] = [];
    let url: string | undefined = '/odata/Cases?$select=id';
    let pages = 0;
    while (url) {
      const res = await get(url, tokens.analyst, { headers: { Prefer: 'odata.maxpagesize=4' } });
      expect(res.headers.get('Preference-Applied')).toBe('odata.maxpagesize=4');
      const page = (await res.json()) as Feed;
      expect(page.value.length).toBeLessThanOrEqual(4);
      seen.push(...page.value.map((r) => r['id']));
      url = page['@odata.nextLink'];
      pages++;
    }
    expect(all.value).toHaveLength(22);
    expect(seen).toEqual(all.value.map((r) => r['id']));
    expect(pages).toBe(6);
  });

  it('paging with $orderby and $top stops after $top rows', async () => {
    const { get, tokens } = fixtureApp({ pageSize: 5 });
    const seen: unknown[] = [];
    let url: string | undefined = encodeURI('/odata/Cases?$select=id&$orderby=start desc&$top=12');
    while (url) {
      const page = (await (await get(url, tokens.analyst)).json()) as Feed;
      seen.push(...page.value.map((r) => r['id']));
      url = page['@odata.nextLink'];
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    expect(seen[0]).toBe(22);
  });

  it('/$count answers the filtered count as text', async () => {
    const { get, tokens } = fixtureApp();
    const res = await get(encodeURI("/odata/Cases/$count?$filter=jobcenter eq 'Syd'"), tokens.analyst);
    expect(await res.text()).toBe('10');
  });

  it.each([
    ['/odata/Steps?$filter=cases eq', 'end of expression'],
    ['/odata/Steps?$filter=nope eq 1', "unknown property 'nope'"],
    ['/odata/Steps?$select=nope', "unknown property 'nope'"],
    ['/odata/Steps?$orderby=cases sideways', "cannot read 'cases sideways'"],
    ['/odata/Steps?$top=-1', "$top: expected a non-negative integer, got '-1'"],
    ['/odata/Steps?$expand=x', '$expand: query option not supported'],
    ['/odata/Steps?$skiptoken=zzz', '$skiptoken'],
  ])('GET %s answers 400 in the OData error format naming %s', async (url, fragment) => {
    const { get, tokens } = fixtureApp();
    const res = await get(encodeURI(url), tokens.viewer);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BadRequest');
    expect(body.error.message).toContain(fragment);
  });

  it('an unknown entity set is 404 and a case-level set is 403 for a viewer', async () => {
    const { get, tokens } = fixtureApp();
    expect((await get('/odata/Nope', tokens.viewer)).status).toBe(404);
    const res = await get('/odata/Cases', tokens.viewer);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('analyst');
  });

  it('every entity set read is audited with the token id', async () => {
    const { get, tokens, store } = fixtureApp();
    await get('/odata/Steps?$top=1', tokens.viewer);
    const entries = listAudit(store.db).filter((a) => a.action === 'read');
    expect(entries.map((e) => e.target)).toEqual(['odata/Steps']);
    expect(entries[0]!.tokenId).toMatch(/^t_/);
  });

  it('Basic auth with the token as password is accepted (any user name)', async () => {
    const { app, tokens } = fixtureApp();
    const basic = Buffer.from(`powerbi:${tokens.viewer}`).toString('base64');
    const res = await app.request('/odata/Steps?$top=1', { headers: { Authorization: `Basic ${basic}` } });
    expect(res.status).toBe(200);
    const none = await app.request('/odata/Steps');
    expect(none.status).toBe(401);
    expect(none.headers.get('WWW-Authenticate')).toContain('Basic');
  });
});

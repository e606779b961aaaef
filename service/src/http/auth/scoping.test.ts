import { describe, expect, it } from 'vitest';
import { fixtureApp, FIXTURE_GROUPS } from '../../testing/http-fixture';
import { describeSchema } from '../model/table-info';
import * as schema from '../../db/schema';

const nordCases = FIXTURE_GROUPS.filter((g) => g.jobcenter === 'Nord').reduce((n, g) => n + g.cases, 0);
const tables = [...describeSchema(schema).values()];

describe('a token limited to jobcenter Nord never sees Syd', () => {
  const fx = fixtureApp();
  const json = async (path: string, token = fx.tokens.nordAnalyst) => {
    const res = await fx.get(encodeURI(path), token);
    expect(res.status, path).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };

  it('GET /api/logs totals count Nord cases only', async () => {
    const body = (await json('/api/logs')) as { logs: { name: string; cases: unknown }[] };
    expect(body.logs).toEqual([expect.objectContaining({ name: 'demo', cases: nordCases })]);
    const all = (await json('/api/logs', fx.tokens.viewer)) as { logs: { cases: unknown }[] };
    expect(all.logs[0]!.cases).toBe(22);
  });

  it('GET /api/logs/demo shows Nord totals and no load reports', async () => {
    const body = await json('/api/logs/demo');
    expect(body['cases']).toBe(nordCases);
    expect(body['currentLoad']).toBeNull();
    expect(body['loads']).toBeNull();
  });

  it('GET /api/logs/demo/map has only Nord transitions and Nord totals', async () => {
    const body = (await json('/api/logs/demo/map')) as { cases: unknown; edges: { from: string; to: string }[] };
    expect(body.cases).toBe(nordCases);
    expect(body.edges.map((e) => `${e.from}>${e.to}`)).not.toContain('B>C');
  });

  it('GET /api/logs/demo/variants holds Nord variants only', async () => {
    const body = (await json('/api/logs/demo/variants')) as { cases: unknown; variants: { key: string; cases: unknown }[] };
    expect(body.cases).toBe(nordCases);
    expect(body.variants.map((v) => v.key)).toEqual(['aaaaaaaaaaaaaaa1', 'other']);
    expect(body.variants[0]!.cases).toBe(10);
  });

  it('GET /api/logs/demo/activities counts Nord events only', async () => {
    const body = (await json('/api/logs/demo/activities')) as { activities: { activity: string; events: unknown }[] };
    expect(body.activities.find((a) => a.activity === 'A')!.events).toBe(nordCases);
    expect(body.activities.find((a) => a.activity === 'B')!.events).toBe(10);
  });

  it('GET /api/logs/demo/cases lists Nord cases only', async () => {
    const body = (await json('/api/logs/demo/cases?limit=1000')) as { total: number; cases: { jobcenter: string }[] };
    expect(body.total).toBe(nordCases);
    expect(new Set(body.cases.map((c) => c.jobcenter))).toEqual(new Set(['Nord']));
  });

  it.each(['/api/logs/demo/map?jobcenter=Syd', '/api/logs/demo/variants?jobcenter=Nord,Syd', '/api/tables/steps.csv?jobcenter=Syd'])(
    '%s asks for another jobcenter: 403',
    async (path) => {
      const res = await fx.get(path, fx.tokens.nordViewer);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: string }).error).toContain('limited to the jobcenters Nord');
    },
  );

  it.each(tables.map((t) => [t.entitySet, t] as const))('OData %s: only Nord rows, or refused', async (_name, table) => {
    const res = await fx.get(`/odata/${table.entitySet}?$count=true`, fx.tokens.nordAnalyst);
    if (table.scoping === 'deny' || table.access === 'admin') {
      expect(res.status).toBe(403);
      return;
    }
    expect(res.status).toBe(200);
    const body = (await res.json()) as { '@odata.count': number; value: Record<string, unknown>[] };
    if (table.scoping === 'none') {
      expect(table.columns.some((c) => ['cases', 'events'].includes(c.name))).toBe(false);
      return;
    }
    const full = (await (await fx.get(`/odata/${table.entitySet}?$count=true`, fx.tokens.analyst)).json()) as {
      value: Record<string, unknown>[];
    };
    const nordRows = full.value.filter((r) => r['jobcenter'] === 'Nord');
    expect(body.value).toEqual(nordRows);
    expect(body['@odata.count']).toBe(nordRows.length);
    if (table.sqlName !== 'teams') expect(full.value.length).toBeGreaterThan(nordRows.length);
    const count = await (await fx.get(`/odata/${table.entitySet}/$count`, fx.tokens.nordAnalyst)).text();
    expect(Number(count)).toBe(nordRows.length);
  });

  it.each(tables.map((t) => [t.sqlName, t] as const))('CSV %s.csv: only Nord rows, or refused', async (_name, table) => {
    const res = await fx.get(`/api/tables/${table.sqlName}.csv`, fx.tokens.nordAnalyst);
    if (table.scoping === 'deny' || table.access === 'admin') {
      expect(res.status).toBe(403);
      return;
    }
    expect(res.status).toBe(200);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const header = lines[0]!.split(',');
    const at = header.indexOf('jobcenter');
    if (table.scoping === 'none') return;
    expect(at).toBeGreaterThanOrEqual(0);
    for (const line of lines.slice(1)) expect(line.split(',')[at]).toBe('Nord');
  });

  it('the service document of a limited token lists no set that adds up all jobcenters', async () => {
    const body = (await json('/odata')) as { value: { name: string }[] };
    const names = body.value.map((v) => v.name);
    expect(names).toContain('Steps');
    expect(names).not.toContain('Loads');
    expect(names).not.toContain('Quarantine');
  });

  it('Loads and Quarantine are refused to a limited token with a reason true of both: their rows carry no jobcenter', async () => {
    for (const set of ['Loads', 'Quarantine']) {
      const res = await fx.get(`/odata/${set}`, fx.tokens.nordAnalyst);
      expect(res.status).toBe(403);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toBe(
        `${set} rows carry no jobcenter (they cover all jobcenters); a token limited to jobcenters cannot read it`,
      );
    }
  });
});

import { describe, expect, it } from 'vitest';
import { fixtureApp } from '../../testing/http-fixture';

describe('analysis routes apply the minimum group size k (analyst tokens read the exact tables)', () => {
  const fx = fixtureApp();
  const json = async (path: string) => {
    const res = await fx.get(encodeURI(path), fx.tokens.analyst);
    expect(res.status, path).toBe(200);
    return res.json() as Promise<Record<string, unknown>>;
  };

  it('GET /variants merges the 2-case variant into "other variants" with "<5" cases', async () => {
    const body = (await json('/api/logs/demo/variants')) as { cases: unknown; variants: Record<string, unknown>[] };
    expect(body.cases).toBe(22);
    expect(body.variants.map((v) => [v['key'], v['cases']])).toEqual([
      ['aaaaaaaaaaaaaaa1', 13],
      ['aaaaaaaaaaaaaaa3', 7],
      ['other', '<5'],
    ]);
    expect(body.variants[2]!['meanSeconds']).toBeNull();
    // A→B: 10 cases at 3600 s and 3 at 7200 s
    expect(body.variants[0]!['meanSeconds']).toBeCloseTo((10 * 3600 + 3 * 7200) / 13, 6);
  });

  it('a log stored with a larger k (logs.min_group_size = 10) is shown with that k', async () => {
    const own = fixtureApp();
    own.store.sqlite.prepare("UPDATE logs SET min_group_size = 10 WHERE name = 'demo'").run();
    const body = (await (await own.get('/api/logs/demo/variants', own.tokens.analyst)).json()) as {
      minGroupSize: number;
      variants: Record<string, unknown>[];
    };
    expect(body.minGroupSize).toBe(10);
    expect(body.variants.map((v) => [v['key'], v['cases']])).toEqual([
      ['aaaaaaaaaaaaaaa1', 13],
      ['other', '<10'],
    ]);
    const logs = (await (await own.get('/api/logs', own.tokens.nordAnalyst)).json()) as { logs: { cases: unknown }[] };
    expect(logs.logs[0]!.cases).toBe(12);
  });

  it('GET /map shows counts below k as "<5" and hides their durations', async () => {
    const body = (await json('/api/logs/demo/map')) as { edges: Record<string, unknown>[]; nodes: Record<string, unknown>[] };
    const ac = body.edges.find((e) => e['from'] === 'A' && e['to'] === 'C')!;
    expect(ac['cases']).toBe('<5');
    expect(ac['meanSeconds']).toBeNull();
    const ab = body.edges.find((e) => e['from'] === 'A' && e['to'] === 'B')!;
    expect(ab['count']).toBe(20);
    expect(body.nodes.find((n) => n['activity'] === 'C')!['cases']).toBe(9);
  });

  it('filters period, process, variant and activity narrow the answer', async () => {
    const byPeriod = (await json('/api/logs/demo/variants?period=2024-02')) as { cases: unknown };
    expect(byPeriod.cases).toBe(10);
    const byRange = (await json('/api/logs/demo/variants?from=2024-01&to=2024-01')) as { cases: unknown };
    expect(byRange.cases).toBe(12);
    const byVariant = (await json('/api/logs/demo/map?variant=aaaaaaaaaaaaaaa3')) as { cases: unknown };
    expect(byVariant.cases).toBe(7);
    const byActivity = (await json('/api/logs/demo/variants?activity=C')) as { cases: unknown };
    expect(byActivity.cases).toBe(9);
    const byProcess = (await json('/api/logs/demo/variants?process=dagpenge')) as { cases: unknown };
    expect(byProcess.cases).toBe(0);
    const acts = (await json('/api/logs/demo/activities?activity=B')) as { activities: unknown[] };
    expect(acts.activities).toHaveLength(1);
  });

  it.each([
    ['/api/logs/demo/map?period=2024-13', 'period must be YYYY-MM'],
    ['/api/logs/demo/map?from=2024-03&to=2024-01', 'from (2024-03) is after to (2024-01)'],
    ['/api/logs/demo/cases?limit=0', 'limit'],
  ])('GET %s answers 400 naming %s', async (path, fragment) => {
    const res = await fx.get(path, fx.tokens.analyst);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(fragment);
  });

  it('an unknown log is 404 with its name', async () => {
    const res = await fx.get('/api/logs/nope/map', fx.tokens.viewer);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toBe("no log named 'nope'");
  });

  it('GET /api/logs/demo shows the current load report', async () => {
    const body = (await json('/api/logs/demo')) as { currentLoad: { rows: Record<string, number>; quarantinedByReason: unknown } };
    expect(body.currentLoad.rows).toEqual({ read: 60, accepted: 57, duplicates: 0, quarantined: 3 });
    expect(body.currentLoad.quarantinedByReason).toEqual({ 'bad-timestamp': 3 });
  });

  it('DELETE /api/logs/demo removes the log and its rows and is audited', async () => {
    const own = fixtureApp();
    const res = await own.get('/api/logs/demo', own.tokens.analyst, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect((await own.get('/api/logs/demo', own.tokens.analyst)).status).toBe(404);
    expect(own.store.sqlite.prepare('SELECT count(*) AS n FROM steps').get()).toEqual({ n: 0 });
    expect(own.store.sqlite.prepare("SELECT target FROM audit WHERE action = 'delete-log'").all()).toEqual([{ target: 'demo' }]);
  });

  it('POST /api/tokens validates its body with a clear 400', async () => {
    const res = await fx.get('/api/tokens', fx.tokens.admin, {
      method: 'POST',
      body: '{"role":"boss"}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^body: role: /);
  });
});

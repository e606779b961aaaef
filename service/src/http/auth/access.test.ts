import { describe, expect, it } from 'vitest';
import { fixtureApp, type FixtureTokens } from '../../testing/http-fixture';

type Who = 'none' | 'bad' | 'expired' | 'revoked' | keyof Omit<FixtureTokens, 'expired' | 'revoked'>;
type Need = 'none' | 'viewer' | 'analyst' | 'admin';

/** One route: who may call it, whether jobcenter-limited tokens are refused, and the status an allowed caller gets. */
interface RouteCase {
  method: string;
  path: string;
  need: Need;
  deniedToLimited?: boolean;
  ok: number;
  body?: string;
  mutates?: boolean;
}

const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/', need: 'none', ok: 200 },
  { method: 'GET', path: '/healthz', need: 'none', ok: 200 },
  { method: 'GET', path: '/api/openapi.json', need: 'viewer', ok: 200 },
  { method: 'GET', path: '/api/logs', need: 'viewer', ok: 200 },
  { method: 'GET', path: '/api/logs/demo', need: 'viewer', ok: 200 },
  { method: 'GET', path: '/api/logs/demo/map', need: 'viewer', ok: 200 },
  { method: 'GET', path: '/api/logs/demo/variants', need: 'viewer', ok: 200 },
  { method: 'GET', path: '/api/logs/demo/activities', need: 'viewer', ok: 200 },
  { method: 'GET', path: '/api/logs/demo/compliance', need: 'viewer', ok: 200 },
  { method: 'GET', path: '/api/logs/demo/cases', need: 'analyst', ok: 200 },
  { method: 'GET', path: '/api/logs/demo/conformance', need: 'viewer', ok: 200 },
  { method: 'GET', path: '/api/logs/demo/conformance/cases', need: 'analyst', ok: 200 },
  { method: 'GET', path: '/api/logs/demo/findings', need: 'viewer', ok: 200 },
  { method: 'GET', path: '/api/logs/demo/report.html', need: 'analyst', ok: 200 },
  { method: 'GET', path: '/api/logs/demo/findings/j_unknown/cases', need: 'analyst', ok: 404 },
  { method: 'GET', path: '/api/logs/demo/whatif?activity=Nope&remove=true', need: 'analyst', ok: 404 },
  { method: 'GET', path: '/api/logs/demo/effect?date=2024-02-01', need: 'analyst', ok: 400 },
  { method: 'DELETE', path: '/api/logs/demo', need: 'analyst', deniedToLimited: true, ok: 200, mutates: true },
  { method: 'POST', path: '/api/logs/demo/uploads', need: 'analyst', deniedToLimited: true, ok: 409, body: 'a,b\n' },
  { method: 'GET', path: '/api/jobs/j_unknown', need: 'analyst', ok: 404 },
  // versions (issue 13)
  { method: 'GET', path: '/api/logs/demo/versions', need: 'analyst', deniedToLimited: true, ok: 200 },
  { method: 'POST', path: '/api/logs/demo/versions/9/current', need: 'analyst', deniedToLimited: true, ok: 404 },
  { method: 'DELETE', path: '/api/jobs/j_unknown', need: 'analyst', ok: 404 },
  { method: 'GET', path: '/api/loads', need: 'viewer', deniedToLimited: true, ok: 200 },
  { method: 'GET', path: '/api/loads/1', need: 'viewer', deniedToLimited: true, ok: 200 },
  { method: 'GET', path: '/api/quarantine?log=demo', need: 'analyst', deniedToLimited: true, ok: 200 },
  { method: 'GET', path: '/api/tokens', need: 'admin', deniedToLimited: true, ok: 200 },
  { method: 'POST', path: '/api/tokens', need: 'admin', deniedToLimited: true, ok: 201, body: '{"role":"viewer"}', mutates: true },
  { method: 'DELETE', path: '/api/tokens/t_unknown', need: 'admin', deniedToLimited: true, ok: 404 },
  { method: 'DELETE', path: '/api/subjects', need: 'admin', deniedToLimited: true, ok: 409, body: '{"cpr":"010203-1234"}' },
  { method: 'GET', path: '/api/tables/steps.csv', need: 'viewer', ok: 200 },
  { method: 'GET', path: '/api/tables/cases.csv', need: 'analyst', ok: 200 },
  { method: 'GET', path: '/api/tables/loads.csv', need: 'viewer', deniedToLimited: true, ok: 200 },
  // The fixture app has no built visual (its dist folder is empty): an allowed caller gets 503, the others 401/403 first.
  { method: 'GET', path: '/api/powerbi.zip', need: 'analyst', ok: 503 },
  { method: 'GET', path: '/odata', need: 'viewer', ok: 200 },
  { method: 'GET', path: '/odata/$metadata', need: 'viewer', ok: 200 },
  { method: 'GET', path: '/odata/Steps', need: 'viewer', ok: 200 },
  { method: 'GET', path: '/odata/Steps/$count', need: 'viewer', ok: 200 },
  { method: 'GET', path: '/odata/Cases', need: 'analyst', ok: 200 },
  { method: 'GET', path: '/odata/Loads', need: 'viewer', deniedToLimited: true, ok: 200 },
];

const WHO: Who[] = ['none', 'bad', 'expired', 'revoked', 'viewer', 'analyst', 'admin', 'nordViewer', 'nordAnalyst'];
const RANK: Record<Need, number> = { none: -1, viewer: 0, analyst: 1, admin: 2 };
const ROLE_OF: Partial<Record<Who, number>> = { viewer: 0, analyst: 1, admin: 2, nordViewer: 0, nordAnalyst: 1 };

function expected(route: RouteCase, who: Who): number {
  if (route.need === 'none') return route.ok;
  const rank = ROLE_OF[who];
  if (rank === undefined) return 401;
  if (rank < RANK[route.need]) return 403;
  if (route.deniedToLimited && who.startsWith('nord')) return 403;
  return route.ok;
}

describe('access control on every route', () => {
  const shared = fixtureApp();
  const cases = ROUTES.flatMap((route) => WHO.map((who) => ({ route, who, status: expected(route, who) })));
  it.each(cases)('$route.method $route.path as $who -> $status', async ({ route, who, status }) => {
    const fx = route.mutates ? fixtureApp() : shared;
    const token = who === 'none' ? undefined : who === 'bad' ? 'sf_not-a-real-token' : fx.tokens[who];
    const res = await fx.get(route.path, token, {
      method: route.method,
      ...(route.body
        ? { body: route.body, headers: { 'Content-Type': route.body.startsWith('{') ? 'application/json' : 'text/csv' } }
        : {}),
    });
    expect(res.status).toBe(status);
    if (status === 401) expect(res.headers.get('WWW-Authenticate')).toContain('Basic');
    if (status >= 400) {
      const body = (await res.json()) as { error: unknown };
      expect(body.error).toBeTruthy();
    }
  });

  it('every route of the OpenAPI document is in this table', async () => {
    const { documentedRoutes } = await import('../openapi/document');
    const tested = new Set(
      ROUTES.map(
        (r) =>
          `${r.method} ${r.path
            .split('?')[0]!
            .replace('/demo', '/{name}')
            .replace(/\/j_unknown|\/t_unknown|\/1$/, '/{id}')
            .replace(/\/(steps|cases|loads)\.csv/, '/{name}.csv')
            .replace(/\/(Steps|Cases|Loads)/, '/{entitySet}')
            .replace('/versions/9/', '/versions/{n}/')}`,
      ),
    );
    for (const r of documentedRoutes()) expect(tested, `${r.method} ${r.path}`).toContain(`${r.method} ${r.path}`);
  });
});

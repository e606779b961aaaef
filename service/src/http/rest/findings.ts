import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext, AppEnv } from '../app-env';
import { hasRole, readsViewerGrade, type Principal } from '../auth/principal';
import { findingTitle } from '../../findings/wording';
import { readFindingCases, readFindings } from '../../db/findings-queries';
import { storedGroupSize } from '../../db/log-queries';

/** The minimum group size for a log: the stricter of the server's and the log's; 404 for no such log. */
export function logMinGroupSize(ctx: AppContext, name: string): number {
  const row = storedGroupSize(ctx.sqlite, name);
  if (!row) throw new HTTPException(404, { message: `no log named '${name}'` });
  return Math.max(ctx.minGroupSize, row.k ?? 1);
}

/**
 * The findings scope a request may read: `?jobcenter=J` (one of the token's jobcenters when it
 * is limited), else all jobcenters ('') for an unlimited token, else the token's only jobcenter.
 */
export function findingsScope(c: Context<AppEnv>, principal: Principal): string {
  const asked = c.req.query('jobcenter')?.trim();
  const allowed = principal.jobcenters;
  if (allowed === null) return asked ?? '';
  if (asked !== undefined && asked !== '') {
    if (!allowed.includes(asked))
      throw new HTTPException(403, { message: `your token is limited to the jobcenters ${allowed.join(', ')}; it cannot read ${asked}` });
    return asked;
  }
  if (allowed.length === 1) return allowed[0]!;
  throw new HTTPException(400, { message: `your token covers several jobcenters; name one with ?jobcenter= (${allowed.join(', ')})` });
}

/** `?lang=da|en`, default `en`; 400 for anything else. */
export function langParam(c: Context<AppEnv>): 'da' | 'en' {
  const lang = c.req.query('lang') ?? 'en';
  if (lang !== 'da' && lang !== 'en') throw new HTTPException(400, { message: `query: lang: expected da or en, got '${lang}'` });
  return lang;
}

/**
 * `GET /api/logs/:name/findings`: the precomputed findings of a log in the caller's scope (never
 * on fewer cases than k), with their summary in `?lang=`. `GET /api/logs/:name/findings/:id/cases`:
 * the pseudonymised cases behind a finding, for analysts. A viewer token gets each finding
 * without its figures (cases, value, evidence; the summary is `findingTitle`): they are computed
 * on the exact cases of a scope, so one scope's minus another's, or minus the viewer-grade
 * model's, can come from fewer than k cases.
 */
export function findingsRoutes(ctx: AppContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  r.get('/:name/findings', (c) => {
    const log = c.req.param('name');
    const k = logMinGroupSize(ctx, log);
    const principal = c.get('principal');
    const scope = findingsScope(c, principal);
    const lang = langParam(c);
    const rows = readFindings(ctx.sqlite, { log, scope, minGroupSize: k });
    ctx.audit.record({
      tokenId: principal.tokenId,
      action: 'read',
      target: `api/logs/${log}/findings`,
      detail: new URL(c.req.url).search || null,
    });
    return c.json({
      log,
      jobcenter: scope,
      minGroupSize: k,
      findings: rows.map(({ summaryDa, summaryEn, id: _id, log: _log, ...f }) => {
        if (!readsViewerGrade(principal)) return { ...f, summary: lang === 'da' ? summaryDa : summaryEn };
        const { cases: _cases, valueDkk: _value, evidence: _evidence, ...what } = f;
        return { ...what, summary: findingTitle(f, lang) };
      }),
    });
  });
  r.get('/:name/findings/:id/cases', (c) => {
    const principal = c.get('principal');
    if (!hasRole(principal.role, 'analyst'))
      throw new HTTPException(403, { message: `this needs an analyst token; yours is a ${principal.role} token` });
    const log = c.req.param('name');
    const k = logMinGroupSize(ctx, log);
    const scope = findingsScope(c, principal);
    const id = c.req.param('id');
    const finding = readFindings(ctx.sqlite, { log, scope, minGroupSize: k }).find((f) => f.findingId === id);
    if (!finding) throw new HTTPException(404, { message: `no finding '${id}' in log '${log}'${scope ? ` for ${scope}` : ''}` });
    ctx.audit.record({ tokenId: principal.tokenId, action: 'read', target: `api/logs/${log}/findings/${id}/cases`, detail: null });
    return c.json({ log, findingId: id, caseIds: readFindingCases(ctx.sqlite, log, id) });
  });
  return r;
}

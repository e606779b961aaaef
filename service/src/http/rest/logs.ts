import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext, AppEnv } from '../app-env';
import { requireRole } from '../auth/middleware';
import { readsViewerGrade, type Principal } from '../auth/principal';
import { servedSqlName } from '../model/read-scope';
import { jobcenterScope, viewerBuildScope } from '../../db/sql/scope';
import { logTotalsOf } from '../../db/log-queries';
import { allLogs, loadById, loadsOfLog, logNamed, recentLoads } from '../../db/log-list-queries';
import { deleteLog } from '../../db/versions';
import { shownCount } from './group-count';
import { loadJson } from './load-json';
import { lineageForViewers, loadJsonForViewers } from '../model/viewer-columns';
import { lineageOf } from '../../governance/lineage';

/** A load report as a principal may see it: viewer tokens get it without its figures (`loadJsonForViewers`). */
function shownLoad(load: Record<string, unknown>, principal: Principal): Record<string, unknown> {
  return readsViewerGrade(principal) ? loadJsonForViewers(load) : load;
}

function denyLimited(principal: Principal, what: string): void {
  if (principal.jobcenters !== null) {
    throw new HTTPException(403, { message: `${what} covers all jobcenters; a token limited to jobcenters cannot read it` });
  }
}

/** Cases and events per log from the jobcenters table (viewer-grade for viewers), limited to the principal's jobcenters. */
function logTotals(ctx: AppContext, principal: Principal): Map<string, { cases: number; events: number }> {
  const where = jobcenterScope('jobcenter', principal.jobcenters);
  if (readsViewerGrade(principal)) where.push(viewerBuildScope(ctx.minGroupSize));
  const rows = logTotalsOf(ctx.sqlite, servedSqlName(ctx, 'jobcenters', principal), where);
  return new Map(rows.map((r) => [r.log, { cases: r.cases, events: r.events }]));
}

/**
 * Logs, their versions and load reports, and deleting a log. A token limited to jobcenters
 * sees only logs with rows of its jobcenters, with totals over those rows, and no load
 * reports (they count rows of every jobcenter).
 */
export function logRoutes(ctx: AppContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  const k = ctx.minGroupSize;
  const audit = (c: Context<AppEnv>, action: string, target: string) =>
    ctx.audit.record({ tokenId: c.get('principal').tokenId, action, target, detail: null });

  r.get('/', (c) => {
    const principal = c.get('principal');
    const totals = logTotals(ctx, principal);
    const rows = allLogs(ctx.db);
    audit(c, 'read', 'api/logs');
    return c.json({
      logs: rows
        .filter((l) => principal.jobcenters === null || totals.has(l.name))
        .map((l) => ({
          name: l.name,
          process: l.process,
          currentVersion: l.currentVersion,
          createdAt: l.createdAt.toISOString(),
          updatedAt: l.updatedAt.toISOString(),
          cases: shownCount(totals.get(l.name)?.cases ?? 0, Math.max(k, l.minGroupSize)),
          events: shownCount(totals.get(l.name)?.events ?? 0, Math.max(k, l.minGroupSize)),
        })),
    });
  });

  r.get('/:name', (c) => {
    const name = c.req.param('name');
    const principal = c.get('principal');
    const row = logNamed(ctx.db, name);
    const totals = logTotals(ctx, principal).get(name);
    if (!row || (principal.jobcenters !== null && !totals)) throw new HTTPException(404, { message: `no log named '${name}'` });
    audit(c, 'read', `api/logs/${name}`);
    const limited = principal.jobcenters !== null;
    const history = limited ? [] : loadsOfLog(ctx.db, name);
    const current = history.find((l) => l.version === row.currentVersion && l.status === 'stored') ?? null;
    return c.json({
      name: row.name,
      process: row.process,
      currentVersion: row.currentVersion,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      purpose: row.purpose,
      legalBasis: row.legalBasis,
      controller: row.controller,
      retentionYears: row.retentionYears,
      cases: shownCount(totals?.cases ?? 0, Math.max(k, row.minGroupSize)),
      events: shownCount(totals?.events ?? 0, Math.max(k, row.minGroupSize)),
      versions: limited
        ? null
        : history
            .filter((l) => l.status === 'stored')
            .map((l) => ({
              version: l.version,
              loadId: l.id,
              loadedAt: l.finishedAt?.toISOString() ?? null,
              lineage: readsViewerGrade(principal) ? lineageForViewers(lineageOf(l)) : lineageOf(l),
            })),
      currentLoad: current ? shownLoad(loadJson(current), principal) : null,
      loads: limited
        ? null
        : history.map((l) => ({
            id: l.id,
            version: l.version,
            status: l.status,
            startedAt: l.startedAt.toISOString(),
            ...(readsViewerGrade(principal) ? {} : { message: l.message }),
          })),
    });
  });

  r.delete('/:name', requireRole('analyst'), (c) => {
    const name = c.req.param('name');
    denyLimited(c.get('principal'), `deleting log '${name}'`);
    const deleted = deleteLog(ctx.sqlite, name);
    ctx.cache.invalidate();
    if (!deleted) throw new HTTPException(404, { message: `no log named '${name}'` });
    audit(c, 'delete-log', name);
    return c.json({ deleted: name });
  });
  return r;
}

/** Load reports (`/api/loads`): not for tokens limited to jobcenters. */
export function loadRoutes(ctx: AppContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  r.get('/', (c) => {
    denyLimited(c.get('principal'), 'the load history');
    const log = c.req.query('log');
    const rows = recentLoads(ctx.db, log, 1000);
    ctx.audit.record({ tokenId: c.get('principal').tokenId, action: 'read', target: 'api/loads', detail: log ?? null });
    return c.json({ loads: rows.map((row) => shownLoad(loadJson(row), c.get('principal'))) });
  });
  r.get('/:id', (c) => {
    denyLimited(c.get('principal'), 'a load report');
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id) || id < 1)
      throw new HTTPException(400, { message: `load id must be a positive integer, got '${c.req.param('id')}'` });
    const row = loadById(ctx.db, id);
    if (!row) throw new HTTPException(404, { message: `no load with id ${id}` });
    ctx.audit.record({ tokenId: c.get('principal').tokenId, action: 'read', target: `api/loads/${id}`, detail: null });
    return c.json(shownLoad(loadJson(row), c.get('principal')));
  });
  return r;
}

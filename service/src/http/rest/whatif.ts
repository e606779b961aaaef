import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { MisuseError, NotFoundError, type WhatIfChange } from '@sagsflow/shared';
import { readStoredLog, type StoredLog } from '../../db/stored-log';
import { effectReport } from '../../whatif/effect-report';
import { whatIfReport } from '../../whatif/whatif-report';
import { attachedRules } from '../../whatif/attached-rules';
import type { AppContext, AppEnv } from '../app-env';
import { requireRole } from '../auth/middleware';
import { storedGroupSize } from '../../db/log-queries';

/**
 * `GET /api/logs/:name/whatif` and `/effect`: the predicted effect of a change and the measured
 * effect of one (analyst and admin tokens; a token limited to jobcenters works on its own
 * jobcenters' cases only, so a limited effect has no control group). Each answer rests on the
 * cases of the current version; figures from fewer than k cases are left out.
 */
export function whatIfRoutes(ctx: AppContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  r.use('/:name/whatif', requireRole('analyst'));
  r.use('/:name/effect', requireRole('analyst'));

  r.get('/:name/whatif', (c) => {
    const stored = storedLog(ctx, c);
    const change = changeFrom(c);
    const report = domain(() => whatIfReport(stored, change, { rules: attachedRules(ctx.sqlite, stored) }));
    const k = minGroupSize(ctx, stored.name);
    if (report.cases < k) {
      throw new HTTPException(422, {
        message: `whatif: ${report.cases} finished cases in scope; a prediction needs at least ${k} (the minimum group size)`,
      });
    }
    audit(ctx, c, `api/logs/${stored.name}/whatif`);
    return c.json(report);
  });

  r.get('/:name/effect', (c) => {
    const stored = storedLog(ctx, c);
    const date = c.req.query('date');
    if (!date) throw new HTTPException(400, { message: 'effect: the query needs date=YYYY-MM-DD' });
    const jobcenters = c.req.queries('jobcenter') ?? [];
    const report = domain(() =>
      effectReport(stored, {
        date,
        jobcenters,
        minimumGroupSize: minGroupSize(ctx, stored.name),
        rules: attachedRules(ctx.sqlite, stored),
      }),
    );
    audit(ctx, c, `api/logs/${stored.name}/effect`);
    return c.json(report);
  });
  return r;
}

function storedLog(ctx: AppContext, c: Context<AppEnv>): StoredLog {
  const name = c.req.param('name') ?? '';
  const jobcenters = c.get('principal').jobcenters ?? undefined;
  return ctx.cache.get(
    JSON.stringify(['stored-log', name, jobcenters ?? null]),
    () => domain(() => readStoredLog(ctx.sqlite, name, { jobcenters })),
    (s) => 40 * s.log.activity.length + 64 * s.log.caseIds.length,
  );
}

function changeFrom(c: Context<AppEnv>): WhatIfChange {
  const activity = c.req.query('activity');
  if (!activity) throw new HTTPException(400, { message: 'whatif: the query needs activity=NAME' });
  const change: WhatIfChange = { activity };
  const factor = (name: string) => {
    const value = c.req.query(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0)
      throw new HTTPException(400, { message: `whatif: ${name} must be a number >= 0, got '${value}'` });
    return n;
  };
  const flag = (name: string) => ['1', 'true'].includes(c.req.query(name) ?? '');
  const processing = factor('processing');
  const waiting = factor('waiting');
  if (processing !== undefined) change.processingFactor = processing;
  if (waiting !== undefined) change.waitingFactor = waiting;
  const from = c.req.query('from');
  if (from !== undefined) change.from = from;
  if (flag('remove')) change.remove = true;
  if (flag('cutRework')) change.cutRework = true;
  return change;
}

function minGroupSize(ctx: AppContext, log: string): number {
  const row = storedGroupSize(ctx.sqlite, log);
  return Math.max(ctx.minGroupSize, row?.k ?? 1);
}

function audit(ctx: AppContext, c: Context<AppEnv>, target: string): void {
  ctx.audit.record({ tokenId: c.get('principal').tokenId, action: 'read', target, detail: null });
}

/** Domain errors of the core become 400 (misuse) and 404 (not found) with their one-line message. */
function domain<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof NotFoundError) throw new HTTPException(404, { message: error.message });
    if (error instanceof MisuseError) throw new HTTPException(400, { message: error.message });
    throw error;
  }
}

import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext, AppEnv } from '../app-env';
import { requireRole } from '../auth/middleware';
import { pagingParams } from './paging';
import { countQuarantine, quarantinePage } from '../../db/quarantine-queries';

/**
 * Quarantined rows (`/api/quarantine?log=NAME`), analyst and admin only; the rows carry no
 * jobcenter, so tokens limited to jobcenters cannot read them.
 */
export function quarantineRoutes(ctx: AppContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  r.get('/', requireRole('analyst'), (c) => {
    const principal = c.get('principal');
    if (principal.jobcenters !== null) {
      throw new HTTPException(403, { message: 'quarantined rows carry no jobcenter; a token limited to jobcenters cannot read them' });
    }
    const log = c.req.query('log');
    const { limit, offset } = pagingParams(c);
    const total = countQuarantine(ctx.db, log);
    const rows = quarantinePage(ctx.db, log, limit, offset);
    ctx.audit.record({ tokenId: principal.tokenId, action: 'read', target: 'api/quarantine', detail: log ?? null });
    return c.json({
      total,
      limit,
      offset,
      rows,
    });
  });
  return r;
}

import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext, AppEnv } from '../app-env';
import { requireRole } from '../auth/middleware';
import { pagingParams } from './paging';

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
    const where = log ? ' WHERE log = ?' : '';
    const params = log ? [log] : [];
    const total = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM quarantine${where}`).get(...params) as { n: number }).n;
    const rows = ctx.sqlite
      .prepare(
        `SELECT id, load_id, log, version, file, line, "column", reason, message, raw FROM quarantine${where} ORDER BY id LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset) as Record<string, unknown>[];
    ctx.audit.record({ tokenId: principal.tokenId, action: 'read', target: 'api/quarantine', detail: log ?? null });
    return c.json({
      total,
      limit,
      offset,
      rows: rows.map((q) => ({
        id: q['id'],
        loadId: q['load_id'],
        log: q['log'],
        version: q['version'],
        file: q['file'],
        line: q['line'],
        column: q['column'],
        reason: q['reason'],
        message: q['message'],
        raw: q['raw'],
      })),
    });
  });
  return r;
}

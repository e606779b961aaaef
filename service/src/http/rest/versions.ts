import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { NotFoundError } from '@sagsflow/shared';
import type { AppContext, AppEnv } from '../app-env';
import { requireRole } from '../auth/middleware';
import { listVersions, rollbackVersion, RollbackError } from '../../versions/index';

/** Versions cover every jobcenter: a token limited to jobcenters may neither list nor switch them. */
function denyLimited(jobcenters: readonly string[] | null, what: string): void {
  if (jobcenters !== null)
    throw new HTTPException(403, { message: `${what} covers all jobcenters; a token limited to jobcenters cannot use it` });
}

/**
 * The versions of a log (analyst): `GET /api/logs/:name/versions` lists them as `sagsflow
 * versions list --json` does; `POST /api/logs/:name/versions/:n/current` makes an earlier kept
 * version current again (as `sagsflow versions rollback`), audited. 404 for an unknown log or
 * version, 409 for the current version or one whose events were pruned.
 */
export function versionRoutes(ctx: AppContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  r.get('/:name/versions', requireRole('analyst'), (c) => {
    const name = c.req.param('name');
    const principal = c.get('principal');
    denyLimited(principal.jobcenters, 'the version list');
    try {
      const versions = listVersions(ctx.sqlite, name);
      ctx.audit.record({ tokenId: principal.tokenId, action: 'read', target: `api/logs/${name}/versions`, detail: null });
      return c.json({ log: name, versions });
    } catch (error) {
      if (error instanceof NotFoundError) throw new HTTPException(404, { message: error.message });
      throw error;
    }
  });
  r.post('/:name/versions/:n/current', requireRole('analyst'), (c) => {
    const name = c.req.param('name');
    const principal = c.get('principal');
    denyLimited(principal.jobcenters, 'making a version current');
    const n = Number(c.req.param('n'));
    if (!/^\d+$/.test(c.req.param('n')) || !Number.isSafeInteger(n) || n < 1)
      throw new HTTPException(400, { message: `version must be a positive integer, got '${c.req.param('n')}'` });
    try {
      const result = rollbackVersion(ctx.sqlite, name, n);
      ctx.cache.invalidate();
      ctx.audit.record({
        tokenId: principal.tokenId,
        action: 'version-rollback',
        target: name,
        detail: JSON.stringify({ from: result.from, to: result.to }),
      });
      return c.json(result);
    } catch (error) {
      if (error instanceof NotFoundError) throw new HTTPException(404, { message: error.message });
      if (error instanceof RollbackError)
        throw new HTTPException(error.kind === 'unknown' ? 404 : 409, { message: error.message.replace(/^--to: /, '') });
      if ((error as { code?: string }).code === 'SQLITE_BUSY')
        throw new HTTPException(409, { message: 'a load is writing to the database; make the version current when it has finished' });
      throw error;
    }
  });
  return r;
}

import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext, AppEnv } from '../app-env';
import { noteTokenUse, verifyToken } from '../../tokens';
import { hasRole, type Role } from './principal';

const CHALLENGE = 'Basic realm="Sagsflow", charset="UTF-8", Bearer realm="Sagsflow"';

/** The token of a request: `Authorization: Bearer TOKEN`, or the password of HTTP Basic. */
export function presentedToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  if (scheme === 'bearer') return m[2]!;
  if (scheme !== 'basic') return null;
  const decoded = Buffer.from(m[2]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1);
}

function unauthorized(message: string): HTTPException {
  const res = new Response(JSON.stringify({ error: message }), {
    status: 401,
    headers: { 'Content-Type': 'application/json', 'WWW-Authenticate': CHALLENGE },
  });
  return new HTTPException(401, { res, message });
}

/**
 * Requires a valid token and stores the principal in the context (`c.get('principal')`).
 * Answers 401 (with a Basic challenge, which makes Power BI show its credential dialog) for a
 * missing, unknown, expired or revoked token.
 */
export function requireToken(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = presentedToken(c.req.header('Authorization'));
    if (token === null)
      throw unauthorized('authentication required: send "Authorization: Bearer TOKEN" or the token as the Basic password');
    const verified = verifyToken(ctx.db, token);
    if (!verified) throw unauthorized('unknown token');
    if (verified.revoked) throw unauthorized('token has been revoked');
    if (verified.expired) throw unauthorized('token has expired');
    noteTokenUse(ctx.sqlite, verified.id, verified.lastUsedAt);
    c.set('principal', { tokenId: verified.id, role: verified.role, jobcenters: verified.jobcenters });
    await next();
  };
}

/** Requires at least `role` (403 otherwise). */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!hasRole(principal.role, role)) {
      throw new HTTPException(403, { message: `this needs an ${role} token; yours is a ${principal.role} token` });
    }
    await next();
  };
}

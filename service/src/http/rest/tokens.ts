import { Hono } from 'hono';
import { z } from 'zod';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import type { AppContext, AppEnv } from '../app-env';
import { requireRole } from '../auth/middleware';
import { createToken, listTokens, revokeToken, ROLES } from '../../tokens';
import { zodMessage } from './filters';

/**
 * Body of `POST /api/tokens`, strict: an unknown field (`jobcenter`, a misspelt `expiresDay`) or
 * an empty `jobcenters` list is refused rather than ignored, since ignoring it would give an
 * unrestricted or never-expiring token.
 */
export const createTokenBodySchema = z
  .object({
    role: z.enum(ROLES as [string, ...string[]]),
    name: z.string().min(1).max(200).optional(),
    jobcenters: z
      .array(z.string().min(1).max(200))
      .min(1, 'give at least one jobcenter, or leave jobcenters out for an unrestricted token')
      .max(1000)
      .optional(),
    expiresDays: z.number().positive().max(36_500).optional(),
  })
  .strict();

/** Largest `POST /api/tokens` body in bytes. */
export const TOKEN_BODY_LIMIT = 16 * 1024;

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** Token management (`/api/tokens`), admin only; tokens limited to jobcenters cannot manage tokens. */
export function tokenRoutes(ctx: AppContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  r.use('*', requireRole('admin'), async (c, next) => {
    if (c.get('principal').jobcenters !== null) {
      throw new HTTPException(403, { message: 'a token limited to jobcenters cannot manage tokens' });
    }
    await next();
  });
  r.get('/', (c) => {
    ctx.audit.record({ tokenId: c.get('principal').tokenId, action: 'read', target: 'api/tokens', detail: null });
    ctx.audit.flush(); // last use counts audit entries: write the batched reads first
    return c.json({
      tokens: listTokens(ctx.db).map((t) => ({
        ...t,
        createdAt: iso(t.createdAt),
        expiresAt: iso(t.expiresAt),
        revokedAt: iso(t.revokedAt),
        lastUsedAt: iso(t.lastUsedAt),
      })),
    });
  });
  r.post(
    '/',
    bodyLimit({
      maxSize: TOKEN_BODY_LIMIT,
      onError: () => {
        throw new HTTPException(413, { message: `body: larger than ${TOKEN_BODY_LIMIT} bytes` });
      },
    }),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new HTTPException(400, { message: 'body: expected JSON like {"role":"viewer","jobcenters":["Nord"],"expiresDays":90}' });
      }
      const parsed = createTokenBodySchema.safeParse(body);
      if (!parsed.success) throw new HTTPException(400, { message: zodMessage(parsed.error, 'body') });
      const created = createToken(ctx.db, { ...parsed.data, role: parsed.data.role as (typeof ROLES)[number] });
      ctx.audit.record({ tokenId: c.get('principal').tokenId, action: 'token-create', target: created.id, detail: created.role });
      return c.json(
        { ...created, createdAt: iso(created.createdAt), expiresAt: iso(created.expiresAt), revokedAt: null, lastUsedAt: null },
        201,
      );
    },
  );
  r.delete('/:id', (c) => {
    const id = c.req.param('id');
    if (!revokeToken(ctx.db, id)) throw new HTTPException(404, { message: `no active token with id '${id}'` });
    ctx.audit.record({ tokenId: c.get('principal').tokenId, action: 'token-revoke', target: id, detail: null });
    return c.json({ revoked: id });
  });
  return r;
}

import { Hono } from 'hono';
import { z } from 'zod';
import { HTTPException } from 'hono/http-exception';
import type { AppContext, AppEnv } from '../app-env';
import { requireRole } from '../auth/middleware';
import { eraseSubject } from '../../governance/erase';
import { zodMessage } from './filters';

/** Body of `DELETE /api/subjects`: exactly one of `cpr`, `case`, `value`. */
export const eraseBodySchema = z
  .object({ cpr: z.string().min(1).optional(), case: z.string().min(1).optional(), value: z.string().min(1).optional() })
  .strict()
  .refine((b) => [b.cpr, b.case, b.value].filter((v) => v !== undefined).length === 1, { message: 'give exactly one of cpr, case, value' });

/**
 * Erasure (`DELETE /api/subjects`), admin only and not for tokens limited to jobcenters: the
 * value travels in the JSON body, never in the URL, so it stays out of access logs.
 */
export function subjectRoutes(ctx: AppContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  r.delete('/', requireRole('admin'), async (c) => {
    if (c.get('principal').jobcenters !== null)
      throw new HTTPException(403, { message: 'a token limited to jobcenters cannot erase data' });
    if (ctx.dbPath === ':memory:')
      throw new HTTPException(409, { message: 'erasure needs a database file and its key; this server runs on an in-memory database' });
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new HTTPException(400, { message: 'body: expected JSON like {"cpr":"010203-1234"}, {"case":"ID"} or {"value":"TEXT"}' });
    }
    const parsed = eraseBodySchema.safeParse(body);
    if (!parsed.success) throw new HTTPException(400, { message: zodMessage(parsed.error, 'body') });
    const b = parsed.data;
    const target =
      b.cpr !== undefined
        ? { kind: 'cpr' as const, value: b.cpr }
        : b.case !== undefined
          ? { kind: 'case' as const, value: b.case }
          : { kind: 'value' as const, value: b.value! };
    ctx.audit.flush();
    let result;
    try {
      result = eraseSubject({ sqlite: ctx.sqlite, db: ctx.db, path: ctx.dbPath, close: () => {} }, target, {
        uploadDir: ctx.uploadDir,
        tokenId: c.get('principal').tokenId,
      });
    } catch (error) {
      throw new HTTPException(400, { message: (error as Error).message });
    } finally {
      ctx.cache.invalidate();
    }
    return c.json(result);
  });
  return r;
}

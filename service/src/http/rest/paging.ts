import { z } from 'zod';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { zodMessage } from './filters';

const pagingSchema = z.object({
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** `limit` (1..10000, default 100) and `offset` (default 0) of a list route (400 when invalid). */
export function pagingParams(c: Context): { limit: number; offset: number } {
  const parsed = pagingSchema.safeParse({ limit: c.req.query('limit'), offset: c.req.query('offset') });
  if (!parsed.success) throw new HTTPException(400, { message: zodMessage(parsed.error, 'query') });
  return parsed.data;
}

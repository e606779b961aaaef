import { z } from 'zod';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Principal } from '../auth/principal';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

const list = (item: z.ZodString) => z.array(item).default([]);

/** The filters every analysis route and CSV download accepts (repeat a parameter or separate values with commas). */
export const analysisFilterSchema = z.object({
  jobcenter: list(z.string().min(1)),
  period: list(z.string().regex(PERIOD, 'period must be YYYY-MM')),
  from: z.string().regex(PERIOD, 'from must be YYYY-MM').optional(),
  to: z.string().regex(PERIOD, 'to must be YYYY-MM').optional(),
  process: list(z.string().min(1)),
  variant: list(z.string().min(1)),
  activity: list(z.string().min(1)),
});

/** Validated analysis filters. */
export type AnalysisFilters = z.infer<typeof analysisFilterSchema>;

const LIST_KEYS = ['jobcenter', 'period', 'process', 'variant', 'activity'] as const;

/** Formats the first zod issue as a one-line message naming the parameter and the bad value. */
export function zodMessage(error: z.ZodError, where: string): string {
  const issue = error.issues[0];
  if (!issue) return `${where}: invalid`;
  if (issue.code === 'unrecognized_keys') return `${where}: ${issue.keys.join(', ')}: unknown field`;
  const path = issue.path.filter((p) => typeof p === 'string').join('.') || 'value';
  return `${where}: ${path}: ${issue.message}`;
}

/** Reads and validates the analysis filters of a request (400 naming the bad parameter). */
export function readAnalysisFilters(c: Context): AnalysisFilters {
  const raw: Record<string, unknown> = {};
  for (const key of LIST_KEYS) {
    const values = c.req.queries(key);
    if (values)
      raw[key] = values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter((v) => v.length > 0);
  }
  for (const key of ['from', 'to'] as const) {
    const value = c.req.query(key);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = analysisFilterSchema.safeParse(raw);
  if (!parsed.success) throw new HTTPException(400, { message: zodMessage(parsed.error, 'query') });
  if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to) {
    throw new HTTPException(400, { message: `query: from (${parsed.data.from}) is after to (${parsed.data.to})` });
  }
  return parsed.data;
}

/**
 * The jobcenters a request may see: the requested ones, limited to the token's. Asking for a
 * jobcenter outside the token's list is a 403.
 */
export function effectiveJobcenters(filters: AnalysisFilters, principal: Principal): string[] | null {
  const allowed = principal.jobcenters;
  if (allowed === null) return filters.jobcenter.length > 0 ? filters.jobcenter : null;
  const outside = filters.jobcenter.filter((j) => !allowed.includes(j));
  if (outside.length > 0) {
    throw new HTTPException(403, {
      message: `your token is limited to the jobcenters ${allowed.join(', ')}; it cannot read ${outside.join(', ')}`,
    });
  }
  return filters.jobcenter.length > 0 ? filters.jobcenter : allowed;
}

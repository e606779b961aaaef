import type { Context } from 'hono';
import { casePage, countCases } from '../../db/analysis-queries';
import { filterConditions } from '../../db/sql/filter-conditions';
import type { AppContext, AppEnv } from '../app-env';
import { auditRead, requireLog, STEP_COLUMNS } from './analysis-source';
import { effectiveJobcenters, readAnalysisFilters } from './filters';
import { pagingParams } from './paging';

/** `GET /api/logs/:name/cases` (analyst and admin): one page of the filtered cases, by start. */
export function casesRoute(ctx: AppContext) {
  return (c: Context<AppEnv>) => {
    const log = c.req.param('name') ?? '';
    requireLog(ctx, log);
    const filters = readAnalysisFilters(c);
    const { limit, offset } = pagingParams(c);
    const jobcenters = effectiveJobcenters(filters, c.get('principal'));
    const where = filterConditions(filters, jobcenters, STEP_COLUMNS, log);
    const total = countCases(ctx.db, where);
    const rows = casePage(ctx.db, where, limit, offset);
    auditRead(ctx, c, 'cases');
    return c.json({
      log,
      total,
      limit,
      offset,
      cases: rows.map((r) => ({
        caseId: r.caseId,
        process: r.process,
        jobcenter: r.jobcenter,
        period: r.period,
        start: r.start.toISOString(),
        end: r.end.toISOString(),
        durationSeconds: r.durationSeconds,
        events: r.events,
        variantKey: r.variantKey,
        open: r.open,
      })),
    });
  };
}

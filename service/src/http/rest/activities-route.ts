import type { Context } from 'hono';
import { activityTotals } from '../../db/analysis-queries';
import type { AppContext, AppEnv } from '../app-env';
import { ACTIVITY_COLUMNS, auditRead, modelSource, requireLog } from './analysis-source';
import { shownCount } from './group-count';

/** `GET /api/logs/:name/activities`: events, cases, repeats and mean processing/waiting time per activity of the filtered rows. */
export function activitiesRoute(ctx: AppContext) {
  return (c: Context<AppEnv>) => {
    const log = c.req.param('name') ?? '';
    const k = requireLog(ctx, log);
    const { table, where } = modelSource(ctx, c, 'activities', ACTIVITY_COLUMNS, log);
    const rows = ctx.cache.get(
      JSON.stringify([table, where]),
      () => activityTotals(ctx.sqlite, table, where),
      (r) => 200 * r.length,
    );
    auditRead(ctx, c, 'activities');
    return c.json({
      log,
      minGroupSize: k,
      activities: rows.map((a) => ({
        activity: a.activity,
        events: shownCount(a.events, k),
        cases: shownCount(a.cases, k),
        repeats: shownCount(a.repeats, k),
        selfLoops: shownCount(a.self_loops, k),
        meanProcessingSeconds: a.cases >= k && a.instances > 0 ? a.processing / a.instances : null,
        meanWaitingSeconds: a.cases >= k && a.instances > 0 ? a.waiting / a.instances : null,
      })),
    });
  };
}

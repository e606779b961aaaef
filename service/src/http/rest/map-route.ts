import type { Context } from 'hono';
import { fineQuantile, histogramQuantile, type ProcessMapEdge } from '@sagsflow/shared';
import type { AppContext, AppEnv } from '../app-env';
import { aggregatedMap, auditRead, requireLog } from './analysis-source';
import { shownCount } from './group-count';

/** An edge's median seconds: from the fine histogram (rows since migration 0008), else the coarse one. */
function median(edge: ProcessMapEdge): number | null {
  const q = edge.fine ? fineQuantile(edge.fine, 0.5) : edge.histogram ? histogramQuantile(edge.histogram, 0.5) : Number.NaN;
  return Number.isNaN(q) ? null : q;
}

/** `GET /api/logs/:name/map`: the process map of the filtered step rows; counts under k read "<k", their durations null. */
export function mapRoute(ctx: AppContext) {
  return (c: Context<AppEnv>) => {
    const log = c.req.param('name') ?? '';
    const k = requireLog(ctx, log);
    const { map, cases } = aggregatedMap(ctx, c, log);
    auditRead(ctx, c, 'map');
    return c.json({
      log,
      minGroupSize: k,
      cases: shownCount(cases, k),
      nodes: map.nodes.map((n) => ({ activity: n.activity, count: shownCount(n.count, k), cases: shownCount(n.cases, k) })),
      edges: map.edges.map((e) => ({
        from: e.from,
        to: e.to,
        count: shownCount(e.count, k),
        cases: shownCount(e.cases, k),
        meanSeconds: e.cases >= k && e.count > 0 ? e.sumSeconds / e.count : null,
        medianSeconds: e.cases < k ? null : e.sumSeconds === 0 ? 0 : median(e),
      })),
    });
  };
}

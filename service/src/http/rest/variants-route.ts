import type { Context } from 'hono';
import { applyMinimumGroupSize } from '@sagsflow/shared';
import type { AppContext, AppEnv } from '../app-env';
import { aggregatedVariants, auditRead, requireLog } from './analysis-source';
import { shownCount } from './group-count';

/**
 * `GET /api/logs/:name/variants`: the variants of the filtered step rows (rebuilt with the mining
 * core's `aggregateSteps`, so they agree with the visual); variants under k merge into "other variants".
 */
export function variantsRoute(ctx: AppContext) {
  return (c: Context<AppEnv>) => {
    const log = c.req.param('name') ?? '';
    const k = requireLog(ctx, log);
    const { variants, cases } = aggregatedVariants(ctx, c, log);
    const byKey = new Map(variants.map((v) => [v.variantKey, v]));
    const rareSeconds = variants.filter((v) => v.cases < k).reduce((s, v) => s + v.sumSeconds, 0);
    auditRead(ctx, c, 'variants');
    return c.json({
      log,
      minGroupSize: k,
      cases: shownCount(cases, k),
      variants: applyMinimumGroupSize(variants, k).map((g) => {
        const sumSeconds = g.isOther ? rareSeconds : (byKey.get(g.key)?.sumSeconds ?? 0);
        return {
          key: g.key,
          activities: g.activities,
          cases: shownCount(g.cases, k),
          share: g.share,
          variants: g.variants,
          isOther: g.isOther,
          meanSeconds: g.cases >= k ? sumSeconds / g.cases : null,
          medianSeconds: g.isOther ? null : (byKey.get(g.key)?.medianSeconds ?? null),
          p90Seconds: g.isOther ? null : finiteOrNull(byKey.get(g.key)?.p90Seconds),
          number: g.isOther ? null : (byKey.get(g.key)?.rank ?? null),
          finished: g.isOther ? null : (byKey.get(g.key)?.finished ?? null),
        };
      }),
    });
  };
}

function finiteOrNull(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null;
}

import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../app-env';
import { requireRole } from '../auth/middleware';
import { activitiesRoute } from './activities-route';
import { casesRoute } from './cases-route';
import { mapRoute } from './map-route';
import { variantsRoute } from './variants-route';

/**
 * The analysis routes of a log: process map, variants, activities and cases, one file each.
 * Counts below the minimum group size read "<k"; rare variants merge into "other variants".
 */
export function analysisRoutes(ctx: AppContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  r.get('/:name/map', mapRoute(ctx));
  r.get('/:name/variants', variantsRoute(ctx));
  r.get('/:name/activities', activitiesRoute(ctx));
  r.get('/:name/cases', requireRole('analyst'), casesRoute(ctx));
  return r;
}

import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext, AppEnv } from '../app-env';
import { requireRole } from '../auth/middleware';
import { buildPowerBiProject, readBuiltVisual, zipProject, type ReportLang } from '../../powerbi/index';

/** Options of the Power BI project download. */
export interface PowerBiRouteOptions {
  /** Folder holding the packaged visual (`*.pbiviz`); default the repository's `dist/`. */
  distDir?: string;
}

/**
 * `GET /api/powerbi.zip[?lang=da|en][&process=P][&caseTables=false]` (analyst and admin): the
 * Power BI project of `sagsflow powerbi` as one zip, with this service's own feed address
 * (the request's scheme and host + `/odata`) filled in.
 */
export function powerBiRoutes(ctx: AppContext, options: PowerBiRouteOptions = {}): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  r.get('/powerbi.zip', requireRole('analyst'), (c) => {
    const lang = c.req.query('lang') ?? 'da';
    if (lang !== 'da' && lang !== 'en') throw new HTTPException(400, { message: `lang: expected da or en, got "${lang}"` });
    const caseTables = c.req.query('caseTables') ?? 'true';
    if (caseTables !== 'true' && caseTables !== 'false')
      throw new HTTPException(400, { message: `caseTables: expected true or false, got "${caseTables}"` });
    let visual;
    try {
      visual = readBuiltVisual(options.distDir);
    } catch (error) {
      throw new HTTPException(503, { message: error instanceof Error ? error.message : String(error) });
    }
    let project;
    try {
      project = buildPowerBiProject({
        feedUrl: `${new URL(c.req.url).origin}/odata`,
        lang: lang as ReportLang,
        process: c.req.query('process'),
        visual,
        tables: ctx.tables,
        caseLevel: caseTables === 'true',
      });
    } catch (error) {
      throw new HTTPException(400, { message: error instanceof Error ? error.message : String(error) });
    }
    ctx.audit.record({ tokenId: c.get('principal').tokenId, action: 'read', target: 'api/powerbi.zip', detail: lang });
    return c.body(new Uint8Array(zipProject(project.files)), 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': 'attachment; filename="Sagsflow-powerbi.zip"',
    });
  });
  return r;
}

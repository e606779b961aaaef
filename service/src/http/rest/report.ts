import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext, AppEnv } from '../app-env';
import { viewerRouteDenial } from '../auth/principal';
import { readReportData, ReportError } from '../../report/report-data';
import { renderReport } from '../../report/render-report';
import { addPredictions } from '../../report/predictions';
import { findingsScope, langParam, logMinGroupSize } from './findings';

/**
 * `GET /api/logs/:name/report.html`: the evaluation report as one self-contained HTML file, for
 * the caller's scope (a jobcenter-limited token gets its own jobcenter's report), `?lang=da|en`.
 */
export function reportRoutes(ctx: AppContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  r.get('/:name/report.html', (c) => {
    const denied = viewerRouteDenial(c.get('principal'), 'The HTML report');
    if (denied) throw new HTTPException(403, { message: denied });
    const log = c.req.param('name');
    const k = logMinGroupSize(ctx, log);
    const principal = c.get('principal');
    const scope = findingsScope(c, principal);
    const lang = langParam(c);
    let html: string;
    try {
      html = renderReport(addPredictions(ctx.sqlite, readReportData(ctx.sqlite, { log, scope, lang, minGroupSize: k, now: Date.now() })));
    } catch (err) {
      if (err instanceof ReportError) throw new HTTPException(404, { message: err.message });
      throw err;
    }
    ctx.audit.record({
      tokenId: principal.tokenId,
      action: 'read',
      target: `api/logs/${log}/report.html`,
      detail: new URL(c.req.url).search || null,
    });
    const file = `sagsflow-${log}${scope ? `-${scope}` : ''}-${lang}.html`.replace(/[^\w.-]+/g, '_');
    return c.body(html, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Disposition': `attachment; filename="${file}"` });
  });
  return r;
}

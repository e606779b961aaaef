import { Hono } from 'hono';
import type Database from 'better-sqlite3';
import type { SagsflowDb } from './db/client';
import * as schema from './db/schema';
import { insertAuditRows } from './db/audit-queries';
import { versionRoutes } from './http/rest/versions'; // versions (issue 13)
import type { AppContext, AppEnv } from './http/app-env';
import { createAuditQueue } from './http/auth/audit-queue';
import { requireToken } from './http/auth/middleware';
import { errorHandler } from './http/errors';
import { describeSchema } from './http/model/table-info';
import { createResultCache } from './http/model/result-cache';
import { odataMethodNotAllowed, odataRoutes } from './http/odata/routes';
import { welcomePage } from './http/welcome/page';
import { analysisRoutes } from './http/rest/analysis';
import { conformanceRoutes } from './http/rest/conformance';
import { complianceRoutes } from './http/rest/compliance';
import { loadRoutes, logRoutes } from './http/rest/logs';
import { quarantineRoutes } from './http/rest/quarantine';
import { tokenRoutes } from './http/rest/tokens';
import { whatIfRoutes } from './http/rest/whatif';
import { csvRoutes } from './http/csv/routes';
import { createJobRunner, type JobRunner } from './http/jobs/job-runner';
import { jobRoutes, uploadRoutes } from './http/jobs/routes';
import { openapiDocument } from './http/openapi/document';
import { previewRoutes, type PreviewOptions } from './preview/index';
import { findingsRoutes } from './http/rest/findings';
import { reportRoutes } from './http/rest/report';
import { powerBiRoutes, type PowerBiRouteOptions } from './http/powerbi/routes';
// governance (issue 15)
import { subjectRoutes } from './http/rest/subjects';
import { createStepCellWarmer } from './http/rest/warm-step-cells';

/** Options of `createApp`; defaults in `DEFAULT_APP_OPTIONS`. */
export interface CreateAppOptions {
  db: SagsflowDb;
  sqlite: Database.Database;
  /** Path of the database file (the ingest worker opens its own connection to it). */
  dbPath: string;
  /** Folder where uploads are streamed before they are ingested. */
  uploadDir: string;
  /** Minimum group size k: counts below it read "<k" in REST answers. */
  minGroupSize?: number;
  /** OData page size. */
  pageSize?: number;
  /** Largest page a client may ask for with `Prefer: odata.maxpagesize`. */
  maxPageSize?: number;
  /** Largest upload in bytes. */
  maxUploadBytes?: number;
  /** Reverse proxies whose X-Forwarded-Proto/Host the OData links honour (default none). */
  trustedProxies?: string[];
  /** Where unexpected errors are logged. */
  log?: (message: string) => void;
  /** Runs upload ingests in worker threads; one is created when absent (close it with the server). */
  jobs?: JobRunner;
  /** The stand-in Power BI host page at `/preview` (no token needed: it holds no data), or false for none. */
  preview?: PreviewOptions | false;
  /** The Power BI project download (`/api/powerbi.zip`): where the packaged visual is. */
  powerbi?: PowerBiRouteOptions;
  /** Warm the per-cell step sums at start and after each load, between requests (the server does; tests need not). */
  warmCaches?: boolean;
}

/**
 * The Hono app plus `close()`, which writes audit entries still queued (call it before closing the
 * database), and `warmed()`, which (with `warmCaches`) runs a warming pass and resolves when it is done.
 */
export type SagsflowApp = Hono<AppEnv> & { close(): void; warmed(): Promise<void> };

export const DEFAULT_APP_OPTIONS = {
  minGroupSize: 5,
  pageSize: 5000,
  maxPageSize: 50_000,
  maxUploadBytes: 500 * 1024 * 1024,
  log: (message: string) => console.error(message),
};

/**
 * Builds the Sagsflow HTTP app (REST under `/api`, OData under `/odata`, `/healthz`);
 * never listens — `server.ts` does.
 *
 * @example
 * const store = openDatabase(':memory:');
 * const app = createApp({ ...store, dbPath: store.path, uploadDir: '/tmp/up' });
 * const res = await app.request('/odata/Steps', { headers: { Authorization: `Bearer ${token}` } });
 */
export function createApp(options: CreateAppOptions): SagsflowApp {
  const opts = {
    ...options,
    minGroupSize: options.minGroupSize ?? DEFAULT_APP_OPTIONS.minGroupSize,
    pageSize: options.pageSize ?? DEFAULT_APP_OPTIONS.pageSize,
    maxPageSize: options.maxPageSize ?? DEFAULT_APP_OPTIONS.maxPageSize,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_APP_OPTIONS.maxUploadBytes,
    log: options.log ?? DEFAULT_APP_OPTIONS.log,
  };
  const ctx: AppContext = {
    db: opts.db,
    sqlite: opts.sqlite,
    dbPath: opts.dbPath,
    uploadDir: opts.uploadDir,
    minGroupSize: opts.minGroupSize,
    pageSize: opts.pageSize,
    maxPageSize: Math.max(opts.maxPageSize, opts.pageSize),
    maxUploadBytes: opts.maxUploadBytes,
    trustedProxies: opts.trustedProxies ?? [],
    tables: describeSchema(schema),
    cache: createResultCache(opts.sqlite, { maxBytes: 64 * 1024 * 1024, maxEntryBytes: 512 * 1024 }),
    log: opts.log,
    audit: createAuditQueue(opts.sqlite, (entries) => insertAuditRows(opts.sqlite, entries), opts.log),
  };
  const app = new Hono<AppEnv>({ strict: false });
  app.onError(errorHandler(ctx.log));
  app.notFound((c) => odataMethodNotAllowed(c) ?? c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404));
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/', welcomePage);
  if (opts.preview !== false) app.route('/preview', previewRoutes(opts.preview ?? {}));
  const jobs = opts.jobs ?? createJobRunner();
  const warmer = opts.warmCaches ? createStepCellWarmer(ctx) : null;
  jobs.onFinished = (job) => {
    ctx.audit.record({
      tokenId: job.tokenId,
      action: 'load',
      target: job.log,
      detail: job.error ?? `load ${job.report?.loadId} ${job.report?.status}`,
    });
    if (job.state === 'done') warmer?.schedule();
  };
  jobs.persist(opts.sqlite, opts.dbPath); // versions (issue 13): jobs kept in the database, resumed or failed at start
  app.use('/api/*', requireToken(ctx));
  app.use('/odata', requireToken(ctx));
  app.use('/odata/*', requireToken(ctx));
  app.get('/api/openapi.json', (c) => c.json(openapiDocument()));
  app.route('/api/logs', analysisRoutes(ctx));
  app.route('/api/logs', conformanceRoutes(ctx));
  app.route('/api/logs', findingsRoutes(ctx));
  app.route('/api/logs', complianceRoutes(ctx));
  app.route('/api/logs', reportRoutes(ctx));
  app.route('/api/logs', uploadRoutes(ctx, jobs));
  app.route('/api/logs', logRoutes(ctx));
  app.route('/api/logs', versionRoutes(ctx)); // versions (issue 13)
  app.route('/api/logs', whatIfRoutes(ctx));
  app.route('/api/loads', loadRoutes(ctx));
  app.route('/api/quarantine', quarantineRoutes(ctx));
  app.route('/api/jobs', jobRoutes(ctx, jobs));
  app.route('/api/tokens', tokenRoutes(ctx));
  app.route('/api/subjects', subjectRoutes(ctx)); // governance (issue 15)
  app.route('/api/tables', csvRoutes(ctx));
  app.route('/api', powerBiRoutes(ctx, opts.powerbi));
  app.route('/odata', odataRoutes(ctx));
  warmer?.schedule();
  return Object.assign(app, {
    close: () => {
      warmer?.stop();
      ctx.audit.close();
    },
    warmed: () => (warmer?.schedule(), warmer?.idle() ?? Promise.resolve()),
  });
}

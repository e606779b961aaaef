import { Hono } from 'hono';
import type Database from 'better-sqlite3';
import type { SagsflowDb } from './db/client';
import * as schema from './db/schema';
import { recordAudit } from './tokens';
import type { AppContext, AppEnv } from './http/app-env';
import { createAuditQueue } from './http/auth/audit-queue';
import { requireToken } from './http/auth/middleware';
import { errorHandler } from './http/errors';
import { describeSchema } from './http/model/table-info';
import { odataRoutes } from './http/odata/routes';

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
  /** Where unexpected errors are logged. */
  log?: (message: string) => void;
}

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
export function createApp(options: CreateAppOptions): Hono<AppEnv> {
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
    tables: describeSchema(schema),
    log: opts.log,
    audit: createAuditQueue(
      opts.sqlite,
      (entries) => opts.sqlite.transaction(() => entries.forEach((e) => recordAudit(opts.db, { ...e, ts: new Date(e.ts) })))(),
      opts.log,
    ),
  };
  const app = new Hono<AppEnv>({ strict: false });
  app.onError(errorHandler(ctx.log));
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404));
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.use('/api/*', requireToken(ctx));
  app.use('/odata', requireToken(ctx));
  app.use('/odata/*', requireToken(ctx));
  app.route('/odata', odataRoutes(ctx));
  return app;
}

import type Database from 'better-sqlite3';
import type { SagsflowDb } from '../db/client';
import type { Principal } from './auth/principal';
import type { TableInfo } from './model/table-info';
import type { AuditQueue } from './auth/audit-queue';
import type { ResultCache } from './model/result-cache';

/** What every route needs: the store, the served tables and the settings. Built once by `createApp`. */
export interface AppContext {
  db: SagsflowDb;
  sqlite: Database.Database;
  dbPath: string;
  uploadDir: string;
  /** Counts below this read "<k" and rarer variants merge into "other variants". */
  minGroupSize: number;
  /** Default (and largest unless `maxPageSize` allows more) OData page size. */
  pageSize: number;
  /** Largest page a client may ask for with `Prefer: odata.maxpagesize`. */
  maxPageSize: number;
  /** Largest upload in bytes. */
  maxUploadBytes: number;
  /**
   * Addresses of reverse proxies whose X-Forwarded-Proto and X-Forwarded-Host the OData feed
   * honours in `@odata.context` and `nextLink` (`*` trusts any client: only behind a proxy).
   */
  trustedProxies: string[];
  /** The servable tables by entity set name. */
  tables: Map<string, TableInfo>;
  audit: AuditQueue;
  /** Answers cached until the data changes. */
  cache: ResultCache;
  log: (message: string) => void;
}

/** Hono environment of the app: the authenticated principal of a request. */
export type AppEnv = { Variables: { principal: Principal } };

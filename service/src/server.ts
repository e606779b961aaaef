import type { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { CreateAppOptions } from './app';
import { setBusyTimeout } from './db/busy-timeout';
import { openDatabase } from './db/client';
import { createJobRunner } from './http/jobs/job-runner';

/**
 * How long a statement on the server's connection waits for a lock another connection holds: a
 * load in the worker holds the write lock for its whole transaction, and a longer wait would stop
 * the event loop, so every reader, for as long. Writes that cannot wait (audit, job rows, token
 * use) are queued instead; any other write meeting a load is answered 503.
 */
export const SERVER_BUSY_TIMEOUT_MS = 200;

/** How long the server keeps an idle keep-alive connection open. */
const KEEP_ALIVE_MS = 65_000;

/** Options of `startServer`. */
export interface StartServerOptions extends Partial<Omit<CreateAppOptions, 'db' | 'sqlite' | 'dbPath' | 'jobs'>> {
  /** The database file (created and migrated if needed). */
  dbPath: string;
  /** Port to listen on (0 picks a free one). Default 8787. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
}

/** A running server: its base URL and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting requests, stops a running ingest worker and closes the database. */
  close(): Promise<void>;
  /** Resolves when the cache warming after start (and any pass it schedules) is done. */
  warmed(): Promise<void>;
}

/**
 * Opens the database, builds the app and listens: the only place that opens a port.
 * Uploads go to `uploadDir` (default: `uploads/` beside the database). The HTTP stack is
 * imported here, not at the top, so CLI commands that do not serve start without loading it.
 *
 * @example
 * const server = await startServer({ dbPath: './sagsflow.sqlite', port: 8787 });
 * console.log(server.url); // http://127.0.0.1:8787
 * await server.close();
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const [{ serve: listen }, { createApp }] = await Promise.all([import('@hono/node-server'), import('./app')]);
  const host = options.host ?? '127.0.0.1';
  const store = openDatabase(options.dbPath);
  const jobs = createJobRunner(options.log ? { log: options.log } : {});
  const uploadDir =
    options.uploadDir ??
    (options.dbPath === ':memory:' ? join(tmpdir(), 'sagsflow-uploads') : join(dirname(resolve(options.dbPath)), 'uploads'));
  // Uploads hold clear CPR numbers until their job ends: an owner-only folder (0700).
  mkdirSync(uploadDir, { recursive: true, mode: 0o700 });
  chmodSync(uploadDir, 0o700);
  const app = createApp({ warmCaches: true, ...options, db: store.db, sqlite: store.sqlite, dbPath: options.dbPath, uploadDir, jobs });
  // Opened (migrated, jobs recovered) with the usual wait; from now on it serves.
  setBusyTimeout(store.sqlite, SERVER_BUSY_TIMEOUT_MS);
  const server = await new Promise<ReturnType<typeof serve>>((ready, fail) => {
    const s = listen({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, () => ready(s));
    s.once('error', fail);
  });
  // Idle keep-alive connections stay open longer than clients keep them (Node's fetch: 4 s, Power BI
  // and browsers up to a minute): a server that closes first can close a connection on which a
  // request is already under way, which the client sees as ECONNRESET.
  const http1 = server as Server;
  http1.keepAliveTimeout = KEEP_ALIVE_MS;
  http1.headersTimeout = KEEP_ALIVE_MS + 1000;
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    warmed: () => app.warmed(),
    async close() {
      await new Promise<void>((done) => {
        server.close(() => done());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await jobs.close();
      app.close();
      store.close();
    },
  };
}

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { openDatabase } from '../../service/src/db/client';
import { ingestFiles } from '../../service/src/ingest/ingest-files';
import { startServer } from '../../service/src/server';
import { findPbiviz } from '../../service/src/preview/visual-package';
import { createToken } from '../../service/src/tokens/index';
import { JOBCENTERS, LOG } from './fixtures/known-answers';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
/** The public running example (6 cases, 42 events, 8 activities), beside the repository. */
export const RUNNING_EXAMPLE = join(ROOT, 'tests/data/running-example.csv');
/** Builds `dist/*.pbiviz` when missing or older than the visual's sources (serialised across processes with flock). */
export function ensureVisualBuilt(): void {
  const run = spawnSync('flock', ['/tmp/sagsflow-pbiviz.lock', process.execPath, join(ROOT, 'scripts/ensure-visual-package.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 280_000,
  });
  if (run.status !== 0 || !findPbiviz(join(ROOT, 'dist'))) {
    throw new Error(`building the visual failed (status ${run.status}):\n${(run.stdout + run.stderr).slice(-3000)}`);
  }
}

export interface PreviewServer {
  url: string;
  tokens: { analyst: string; viewer: string; sydViewer: string };
  close(): Promise<void>;
}

/**
 * A service over a fresh temp database holding the known log (`known`, two jobcenters) and
 * the running example, with the preview routes mounted, listening on a free port.
 */
export async function startPreviewServer(): Promise<PreviewServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-browser-'));
  process.env['SAGSFLOW_SECRET'] ??= 'browser-test-secret';
  const dbPath = join(dir, 'test.sqlite');
  const store = openDatabase(dbPath);
  await ingestFiles(store, { files: [join(import.meta.dirname, 'fixtures/two-jobcenters.csv')], log: LOG, process: 'akademiker' });
  await ingestFiles(store, { files: [RUNNING_EXAMPLE], log: 'running-example', process: 'akademiker' });
  const tokens = {
    analyst: createToken(store.db, { role: 'analyst' }).token,
    viewer: createToken(store.db, { role: 'viewer' }).token,
    sydViewer: createToken(store.db, { role: 'viewer', jobcenters: [JOBCENTERS[1]] }).token,
  };
  store.close();
  const server = await startServer({ dbPath, port: 0, log: () => {} });
  return { url: server.url, tokens, close: () => server.close().then(() => rmSync(dir, { recursive: true, force: true })) };
}

/** Debian's chromium, headless, quiet. */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`launchChromium: no browser at ${executablePath}; run apt-get install -y chromium or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

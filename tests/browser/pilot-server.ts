import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../service/src/db/client';
import { generateLog, PROCESS_KEYS } from '../../service/src/generate/index';
import { ingestFiles } from '../../service/src/ingest/ingest-files';
import { startServer } from '../../service/src/server';
import { createToken } from '../../service/src/tokens/index';
import { LOG } from './fixtures/known-answers';
import type { PreviewServer } from './harness';

/** Cases per generated pilot log (as many as a month or two of a jobcenter's work). */
export const PILOT_CASES = 800;

/**
 * A service over a fresh temp database with the three generated pilot logs (`sagsflow
 * generate`, logs named after their process, seed 7) and the known two-jobcenter log.
 */
export async function startPilotServer(): Promise<PreviewServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-pilots-'));
  process.env['SAGSFLOW_SECRET'] ??= 'browser-test-secret';
  const dbPath = join(dir, 'pilots.sqlite');
  const store = openDatabase(dbPath);
  for (const process of PROCESS_KEYS) {
    const file = join(dir, `${process}.csv`);
    await generateLog({ process, cases: PILOT_CASES, seed: 7, out: file });
    await ingestFiles(store, { files: [file], log: process, process });
  }
  // No process: the end activities are inferred from the log (every case ends with "Afgør sag"), so all 24 cases are finished.
  await ingestFiles(store, { files: [join(import.meta.dirname, 'fixtures/two-jobcenters.csv')], log: LOG });
  const analyst = createToken(store.db, { role: 'analyst' }).token;
  store.close();
  const server = await startServer({ dbPath, port: 0, log: () => {} });
  return {
    url: server.url,
    tokens: { analyst, viewer: analyst, sydViewer: analyst },
    close: () => server.close().then(() => rmSync(dir, { recursive: true, force: true })),
  };
}

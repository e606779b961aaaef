import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { generateLog } from '../generate/index';
import { readLog } from '../readers/index';
import { ingestFiles } from './ingest-files';
import { READ_WORKER_MIN_BYTES } from './worker-read';
import { tempDir } from './test-fixtures';

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

const rows = (store: ReturnType<typeof openDatabase>, sql: string) => store.sqlite.prepare(sql).all() as Record<string, unknown>[];

describe('ingest of a large load through the reader worker', () => {
  it('stores the same events, quarantine and model rows as reading on the loading thread', async () => {
    const t = tempDir();
    temps.push(t);
    const file = t.path('dirty.csv');
    await generateLog({ process: 'dagpenge', cases: 4_000, seed: 11, dirty: true, out: file });
    expect(statSync(file).size).toBeGreaterThan(READ_WORKER_MIN_BYTES);
    const load = async (name: string, inThread: boolean) => {
      const store = openDatabase(t.path(`${name}.sqlite`));
      // Both databases share one key, so pseudonyms are comparable.
      process.env['SAGSFLOW_SECRET'] = 'read-in-worker-test-secret-0123456789';
      const report = await ingestFiles(store, { files: [file], log: 'dagpenge', ...(inThread ? { readLog } : {}) });
      return { store, report };
    };
    const worker = await load('worker', false);
    const thread = await load('thread', true);
    delete process.env['SAGSFLOW_SECRET'];
    const { startedAt: _a, finishedAt: _b, loadId: _c, ...fromWorker } = worker.report;
    const { startedAt: _d, finishedAt: _e, loadId: _f, ...fromThread } = thread.report;
    expect(fromWorker).toEqual(fromThread);
    expect(worker.report.rows.quarantined).toBeGreaterThan(0);
    for (const sql of [
      'select log, version, case_id, activity, timestamp, end_timestamp, resource, lifecycle, jobcenter, attributes from events order by id',
      'select file, line, "column", reason, message, raw from quarantine order by id',
      'select * from cases order by id',
      'select * from steps order by id',
      'select * from variants order by id',
    ]) {
      expect(rows(worker.store, sql)).toEqual(rows(thread.store, sql));
    }
    worker.store.close();
    thread.store.close();
  }, 120_000);
});

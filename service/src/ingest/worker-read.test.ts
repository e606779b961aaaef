import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { generateLog } from '../generate/index';
import { readLog } from '../readers/index';
import { ingestFiles } from './ingest-files';
import { READ_WORKER_MIN_BYTES, startReadWorker, startReadWorkerFor, type ReadWorker } from './worker-read';
import { LENIENT_POLICY, tempDir } from '../testing/ingest-fixtures';

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

  it('scrubs free text, masks the file name and reports the column roles as the loading thread does', async () => {
    const t = tempDir();
    temps.push(t);
    const first = ['Anna Jensen', 'Bo Hansen', 'Carl Nielsen', 'Dorte Madsen'];
    const lines = ['Sags-id,Aktivitet,Tidspunkt,Borger,Note'];
    for (let i = 0; i < 40_000; i++) {
      const who = first[i % first.length]!;
      const day = String(1 + (i % 28)).padStart(2, '0');
      lines.push(
        `S${Math.floor(i / 4)},Trin ${i % 4},2026-03-${day}T10:00:00Z,${who},Borgeren ${who} ringede fra 010203-1234 og bad om et nyt møde nummer ${i}`,
      );
    }
    const file = t.write('udtraek Anna Jensen 010203-1234.csv', `${lines.join('\n')}\n`);
    expect(statSync(file).size).toBeGreaterThan(READ_WORKER_MIN_BYTES);
    const mapping = { case: 'Sags-id', activity: 'Aktivitet', timestamp: 'Tidspunkt', pseudonymize: ['Borger'], freeText: ['Note'] };
    process.env['SAGSFLOW_SECRET'] = 'read-in-worker-test-secret-0123456789';
    const load = async (name: string, inThread: boolean, readWorker?: ReadWorker) => {
      const store = openDatabase(t.path(`${name}.sqlite`));
      const report = await ingestFiles(store, {
        files: [file],
        log: 'notes',
        mapping,
        policy: LENIENT_POLICY,
        ...(inThread ? { readLog } : {}),
        ...(readWorker ? { readWorker } : {}),
      });
      return { store, report };
    };
    const worker = await load('worker', false);
    const thread = await load('thread', true);
    // A worker started before the database was opened reads the same.
    const readWorker = startReadWorkerFor([file]);
    expect(readWorker).toBeDefined();
    const ahead = await load('ahead', false, readWorker);
    readWorker!.end();
    delete process.env['SAGSFLOW_SECRET'];
    const { startedAt: _a, finishedAt: _b, loadId: _c, ...fromAhead } = ahead.report;
    const { startedAt: _d, finishedAt: _e, loadId: _f, ...fromWorker } = worker.report;
    expect(fromAhead).toEqual(fromWorker);
    for (const query of ['select * from events order by id', 'select * from quarantine order by id', 'select * from steps order by id']) {
      expect(rows(ahead.store, query)).toEqual(rows(worker.store, query));
    }
    ahead.store.close();
    expect(worker.report.files[0]).toMatch(/^udtraek p_[0-9a-f]{16} \*{6}-\*{4}\.csv$/);
    expect(worker.report.files).toEqual(thread.report.files);
    expect(worker.report.columns).not.toBeNull();
    expect(worker.report.columns).toEqual(thread.report.columns);
    const sql = 'select attributes from events order by id';
    const notes = rows(worker.store, sql);
    expect(notes).toEqual(rows(thread.store, sql));
    const note = JSON.parse(notes[0]!['attributes'] as string)['Note'] as string;
    expect(note).toMatch(/^Borgeren p_[0-9a-f]{16} ringede fra \*{6}-\*{4} og bad om et nyt møde nummer 0$/);
    expect(JSON.stringify(rows(worker.store, 'select * from events'))).not.toContain('Anna');
    worker.store.close();
    thread.store.close();
  }, 120_000);

  it('startReadWorkerFor starts no worker for small or missing files, and a worker ended before its read fails that read', async () => {
    const t = tempDir();
    temps.push(t);
    const small = t.write('small.csv', 'case,activity,timestamp\nc1,a,2026-01-01T00:00:00Z\n');
    expect(startReadWorkerFor([small])).toBeUndefined();
    expect(startReadWorkerFor([t.path('missing.csv')])).toBeUndefined();
    const file = t.path('big.csv');
    await generateLog({ process: 'dagpenge', cases: 3_000, seed: 5, out: file });
    process.env['SAGSFLOW_SECRET'] = 'read-in-worker-test-secret-0123456789';
    const readWorker = startReadWorker();
    readWorker.end();
    readWorker.end();
    const store = openDatabase(t.path('ended.sqlite'));
    await expect(ingestFiles(store, { files: [file], log: 'dagpenge', readWorker })).rejects.toThrow(
      /^ingest big\.csv: the reader worker stopped \(exit code \d+\)$/,
    );
    delete process.env['SAGSFLOW_SECRET'];
    expect(store.sqlite.prepare('select count(*) as n from events').get()).toEqual({ n: 0 });
    store.close();
  }, 120_000);
});

import { readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { FINE_COUNT_COLUMNS, FINE_SECONDS_COLUMNS, fineBucketOf, STEP_END, STEP_START } from '@sagsflow/shared';
import { openDatabase } from '../db/client';
import { keyFilePath } from '../privacy/index';
import { IngestError } from './errors';
import { contentHash } from './content-hash';
import { ingestFiles } from './ingest-files';
import { TINY_CSV, TINY_SECRETS, tempDir, LENIENT_POLICY } from '../testing/ingest-fixtures';

const temps: ReturnType<typeof tempDir>[] = [];
function temp() {
  const t = tempDir();
  temps.push(t);
  return t;
}
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

const all = (store: ReturnType<typeof openDatabase>, sql: string, ...args: unknown[]) =>
  store.sqlite.prepare(sql).all(...args) as Record<string, unknown>[];

describe('ingestFiles', () => {
  it('ingestFiles(tiny csv) stores 7 events of 3 cases, 1 duplicate and 2 quarantined, and the counts add up', async () => {
    const t = temp();
    const file = t.write('tiny.csv', TINY_CSV);
    const store = openDatabase(t.path('db.sqlite'));
    const r = await ingestFiles(store, { files: [file], log: 'tiny', policy: LENIENT_POLICY });
    expect(r.status).toBe('stored');
    expect(r.version).toBe(1);
    expect(r.rows).toEqual({ read: 10, accepted: 7, duplicates: 1, quarantined: 2 });
    expect(r.rows.read).toBe(r.rows.accepted + r.rows.duplicates + r.rows.quarantined);
    expect(r.quarantinedByReason).toEqual({ 'bad-timestamp': 1, 'missing-case': 1 });
    expect([r.cases, r.events]).toEqual([3, 7]);
    expect(r.firstTimestamp).toBe(Date.parse('2024-01-10T08:00:00Z'));
    expect(all(store, 'select count(*) n from events')[0]!['n']).toBe(7);
    expect(all(store, 'select reason, line from quarantine order by line')).toEqual([
      { reason: 'bad-timestamp', line: 10 },
      { reason: 'missing-case', line: 11 },
    ]);
    const load = all(store, 'select * from loads')[0]!;
    expect([load['rows_read'], load['rows_accepted'], load['rows_duplicates'], load['rows_quarantined'], load['status']]).toEqual([
      10,
      7,
      1,
      2,
      'stored',
    ]);
    expect(all(store, 'select name, current_version from logs')).toEqual([{ name: 'tiny', current_version: 1 }]);
    store.close();
  });

  it('ingestFiles(tiny csv) precomputes known steps, cases, periods and jobcenters', async () => {
    const t = temp();
    const store = openDatabase(t.path('db.sqlite'));
    await ingestFiles(store, { files: [t.write('tiny.csv', TINY_CSV)], log: 'tiny', policy: LENIENT_POLICY });
    const cases = all(store, 'select process, jobcenter, period, events, duration_seconds d, open from cases order by start');
    // `Afmeldt` is not an end activity of the placement process (service/src/processes), so every case is open.
    expect(cases).toEqual([
      { process: 'dagpenge', jobcenter: 'Nord', period: '2024-01', events: 3, d: 5 * 86400, open: 1 },
      { process: 'dagpenge', jobcenter: 'Syd', period: '2024-01', events: 2, d: 3600, open: 1 },
      { process: 'dagpenge', jobcenter: 'Nord', period: '2024-02', events: 2, d: 86400, open: 1 },
    ]);
    const s1 = all(
      store,
      `select step_index i, from_activity f, to_activity t, cases, sum_seconds s, h00, h11, h13, h14 from steps where jobcenter = 'Nord' and period = '2024-01' order by step_index`,
    );
    expect(s1).toEqual([
      { i: 0, f: STEP_START, t: 'Tilmelding', cases: 1, s: 0, h00: 1, h11: 0, h13: 0, h14: 0 },
      { i: 1, f: 'Tilmelding', t: 'CV registreret', cases: 1, s: 86400, h00: 0, h11: 1, h13: 0, h14: 0 },
      { i: 2, f: 'CV registreret', t: 'Afmeldt', cases: 1, s: 4 * 86400, h00: 0, h11: 0, h13: 1, h14: 0 },
      { i: 3, f: 'Afmeldt', t: STEP_END, cases: 1, s: 0, h00: 0, h11: 0, h13: 0, h14: 1 },
    ]);
    // The END step carries the case-duration histogram (5 days), fine buckets with their seconds too.
    const end = all(
      store,
      `select variant_rank r, finished, d00, ${fineColumnOf(5 * 86400)} d, ${fineColumnOf(5 * 86400, 's')} s from steps where jobcenter = 'Nord' and period = '2024-01' and step_index = 3`,
    );
    expect(end).toEqual([{ r: 2, finished: 0, d00: 0, d: 1, s: 5 * 86400 }]);
    expect(all(store, 'select jobcenter, cases, events from jobcenters order by jobcenter')).toEqual([
      { jobcenter: 'Nord', cases: 2, events: 5 },
      { jobcenter: 'Syd', cases: 1, events: 2 },
    ]);
    expect(all(store, `select activity, events, cases, repeats, self_loops from activities where period = '2024-02'`)).toEqual([
      { activity: 'Tilmelding', events: 2, cases: 1, repeats: 1, self_loops: 1 },
    ]);
    expect(all(store, `select activities, length, cases from variants where jobcenter = 'Syd'`)).toEqual([
      { activities: 'Tilmelding → Afmeldt', length: 2, cases: 1 },
    ]);
    store.close();
  });

  it('loading the same file again changes nothing and reports status unchanged', async () => {
    const t = temp();
    const file = t.write('tiny.csv', TINY_CSV);
    const store = openDatabase(t.path('db.sqlite'));
    const first = await ingestFiles(store, { files: [file], log: 'tiny', policy: LENIENT_POLICY });
    const snapshot = all(store, 'select * from steps order by id');
    const again = await ingestFiles(store, { files: [file], log: 'tiny', policy: LENIENT_POLICY });
    expect(again.status).toBe('unchanged');
    expect(again.version).toBe(1);
    expect(again.rows).toEqual(first.rows);
    expect(all(store, 'select count(*) n from loads')[0]!['n']).toBe(1);
    expect(all(store, 'select * from steps order by id')).toEqual(snapshot);
    store.close();
  });

  it('a changed file becomes version 2 and only version 2 rows remain in the served tables', async () => {
    const t = temp();
    const store = openDatabase(t.path('db.sqlite'));
    await ingestFiles(store, { files: [t.write('a.csv', TINY_CSV)], log: 'tiny', policy: LENIENT_POLICY });
    const fewer = TINY_CSV.split('\n')
      .filter((l) => !l.startsWith('S-3'))
      .join('\n');
    const r = await ingestFiles(store, { files: [t.write('b.csv', fewer)], log: 'tiny', policy: LENIENT_POLICY });
    expect([r.status, r.version, r.cases]).toEqual(['stored', 2, 2]);
    for (const table of ['events', 'steps', 'cases', 'variants', 'edges', 'activities', 'jobcenters', 'periods', 'quarantine']) {
      expect(all(store, `select distinct version from ${table}`), table).toEqual([{ version: 2 }]);
    }
    expect(all(store, 'select count(*) n from cases')[0]!['n']).toBe(2);
    expect(all(store, 'select version, status from loads order by id')).toEqual([
      { version: 1, status: 'stored' },
      { version: 2, status: 'stored' },
    ]);
    store.close();
  });

  it('a file whose every row is bad throws IngestError nothing-loaded and leaves version 1 intact', async () => {
    const t = temp();
    const store = openDatabase(t.path('db.sqlite'));
    await ingestFiles(store, { files: [t.write('a.csv', TINY_CSV)], log: 'tiny', policy: LENIENT_POLICY });
    const before = all(store, 'select * from steps order by id');
    const bad = 'Sags-id,Aktivitet,Tidspunkt\nX-1,Tilmelding,nope\nX-2,Tilmelding,31-31-2024\n';
    const err = await ingestFiles(store, { files: [t.write('bad.csv', bad)], log: 'tiny', policy: LENIENT_POLICY }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe('nothing-loaded');
    expect((err as IngestError).message).toMatch(
      /^ingest bad\.csv: nothing could be loaded: 2 rows read, none accepted \(quarantined bad-timestamp: 2\)$/,
    );
    expect(all(store, 'select * from steps order by id')).toEqual(before);
    expect(all(store, 'select current_version v from logs')).toEqual([{ v: 1 }]);
    expect(all(store, 'select status, rows_quarantined q, version from loads order by id')).toEqual([
      { status: 'stored', q: 2, version: 1 },
      { status: 'failed', q: 2, version: null },
    ]);
    expect(all(store, 'select count(*) n from quarantine')[0]!['n']).toBe(2);
    store.close();
  });

  it('a failing precompute rolls the whole load back', async () => {
    const t = temp();
    const store = openDatabase(t.path('db.sqlite'));
    await ingestFiles(store, { files: [t.write('a.csv', TINY_CSV)], log: 'tiny', policy: LENIENT_POLICY });
    const count = () =>
      all(store, 'select (select count(*) from events) e, (select count(*) from steps) s, (select count(*) from quarantine) q')[0];
    const before = count();
    const changed = TINY_CSV.replace('Afmeldt,2024-01-15', 'Afmeldt,2024-01-16');
    const err = await ingestFiles(store, {
      files: [t.write('b.csv', changed)],
      log: 'tiny',
      policy: LENIENT_POLICY,
      precompute: () => {
        throw new Error('injected');
      },
    }).catch((e: unknown) => e);
    expect((err as IngestError).code).toBe('precompute-failed');
    expect((err as IngestError).message).toBe('ingest b.csv: precompute failed: injected');
    expect(count()).toEqual(before);
    expect(all(store, 'select current_version v from logs')).toEqual([{ v: 1 }]);
    expect(store.sqlite.inTransaction).toBe(false);
    store.close();
  });

  it('no clear CPR, name or case id reaches the database file; pseudonyms are stable; the key file is 0600', async () => {
    const t = temp();
    const dbPath = t.path('db.sqlite');
    const file = t.write('tiny.csv', TINY_CSV);
    let store = openDatabase(dbPath);
    await ingestFiles(store, { files: [file], log: 'a', policy: LENIENT_POLICY });
    const ids = all(store, 'select distinct case_id from events order by case_id').map((r) => r['case_id']);
    expect(ids.every((id) => /^p_[0-9a-f]{16}$/.test(String(id)))).toBe(true);
    const attrs = JSON.parse(String(all(store, "select attributes from events where attributes like '%Note%'")[0]!['attributes']));
    expect(attrs).toEqual({ Note: 'ring ******-****' });
    const caseAttrs = all(store, 'select attributes from cases order by start').map((r) => JSON.parse(String(r['attributes'])));
    expect(caseAttrs[0]).toEqual({
      CPR: expect.stringMatching(/^p_[0-9a-f]{16}$/),
      Borger: expect.stringMatching(/^p_/),
      Proces: 'Placering af dagpengemodtagere',
    });
    expect(caseAttrs[0]['CPR']).not.toBe(caseAttrs[1]['CPR']);
    store.close();
    store = openDatabase(dbPath);
    await ingestFiles(store, { files: [file], log: 'b', policy: LENIENT_POLICY });
    expect(all(store, "select distinct case_id from events where log = 'b' order by case_id").map((r) => r['case_id'])).toEqual(ids);
    store.close();
    expect(statSync(keyFilePath(dbPath)).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(dbPath).toString('latin1');
    expect(bytes).toContain('Tilmelding');
    for (const secret of [...TINY_SECRETS, 'S-1', 'S-2']) expect(bytes.includes(secret), secret).toBe(false);
  });
});

describe('ingestFiles input errors', () => {
  it('a missing file throws read-failed naming the file, and stores nothing', async () => {
    const t = temp();
    const store = openDatabase(':memory:');
    const err = await ingestFiles(store, { files: [t.path('nope.csv')], log: 'x', policy: LENIENT_POLICY }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe('read-failed');
    expect((err as IngestError).message).toMatch(/^ingest nope\.csv: cannot read .*nope\.csv/);
    expect(store.sqlite.prepare('select count(*) from logs').pluck().get()).toBe(0);
    store.close();
  });

  it('a file without the required columns throws read-failed with the reader one-line message and records a failed load', async () => {
    const t = temp();
    const store = openDatabase(':memory:');
    const err = await ingestFiles(store, { files: [t.write('cols.csv', 'a,b\n1,2\n')], log: 'x', policy: LENIENT_POLICY }).catch(
      (e: unknown) => e,
    );
    expect((err as IngestError).code).toBe('read-failed');
    expect((err as IngestError).message).toContain('cols.csv');
    expect((err as IngestError).message).not.toContain('\n');
    expect(store.sqlite.prepare('select status from loads').pluck().all()).toEqual(['failed']);
    expect(store.sqlite.prepare('select count(*) from logs').pluck().get()).toBe(0);
    store.close();
  });
});

describe('ingestFiles failed loads', () => {
  it('a load whose second file fails half-way records counts that add up: only the files read to the end', async () => {
    const t = temp();
    const store = openDatabase(':memory:');
    const good = t.write('good.csv', TINY_CSV);
    const broken = t.write(
      'broken.csv',
      'Sagsnummer,Aktivitet,Tidspunkt,Note\nA,Start,2024-01-01 10:00,ok\nA,Mid,2024-01-02 10:00,"' + 'x'.repeat(17_000_000) + '\n',
    );
    const err = await ingestFiles(store, { files: [good, broken], log: 'x', policy: LENIENT_POLICY }).catch((e: unknown) => e);
    expect((err as IngestError).code).toBe('read-failed');
    const load = store.sqlite
      .prepare("select rows_read, rows_accepted, rows_duplicates, rows_quarantined from loads where status = 'failed'")
      .get() as Record<string, number>;
    expect(load).toEqual({ rows_read: 10, rows_accepted: 7, rows_duplicates: 1, rows_quarantined: 2 });
    store.close();
  });
});

describe('ingestFiles content hash', () => {
  it('the stored content hash of a new load equals sha256 of the bytes, and an equal-size changed file is a new version', async () => {
    const t = temp();
    const store = openDatabase(':memory:');
    const a = t.write('a.csv', TINY_CSV);
    const r1 = await ingestFiles(store, { files: [a], log: 'h', policy: LENIENT_POLICY });
    expect(r1.contentHash).toBe(await contentHash([a], { mapping: null, process: null }));
    expect(store.sqlite.prepare('select content_hash, bytes from loads').get()).toEqual({
      content_hash: r1.contentHash,
      bytes: TINY_CSV.length,
    });
    const b = t.write('b.csv', TINY_CSV.replace('2024-01-15', '2024-01-16'));
    const r2 = await ingestFiles(store, { files: [b], log: 'h', policy: LENIENT_POLICY });
    expect([r2.status, r2.version]).toEqual(['stored', 2]);
    expect(r2.contentHash).not.toBe(r1.contentHash);
    const r3 = await ingestFiles(store, { files: [b], log: 'h', policy: LENIENT_POLICY, process: 'dagpenge' });
    expect([r3.status, r3.version]).toEqual(['stored', 3]);
    store.close();
  });
});

function fineColumnOf(seconds: number, kind: 'd' | 's' = 'd'): string {
  return (kind === 'd' ? FINE_COUNT_COLUMNS : FINE_SECONDS_COLUMNS)[fineBucketOf(seconds)]!;
}

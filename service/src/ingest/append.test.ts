import { statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { listVersions, rollbackVersion } from '../versions/index';
import { generateLog } from '../generate/index';
import { ingestFiles } from './ingest-files';
import { READ_WORKER_MIN_BYTES } from './worker-read';
import { LENIENT_POLICY, tempDir } from '../testing/ingest-fixtures';

const HEADER = 'Sags-id,Aktivitet,Tidspunkt,Jobcenter';
const JANUARY = [
  HEADER,
  'S-1,Tilmelding,2024-01-02 09:00,Nord',
  'S-1,Samtale,2024-01-03 09:00,Nord',
  'S-2,Tilmelding,2024-01-10 09:00,Syd',
  'S-2,Samtale,2024-01-11 09:00,Syd',
  'S-2,Kursus,2024-01-20 09:00,Syd',
].join('\n');
/** 6 rows: one already in January (S-2 Kursus), one new event of S-2, a new case S-3 with an exact duplicate row, a bad timestamp. */
const FEBRUARY = [
  HEADER,
  'S-2,Kursus,2024-01-20 09:00,Syd',
  'S-2,Afmeldt,2024-02-01 09:00,Syd',
  'S-3,Tilmelding,2024-02-03 09:00,Nord',
  'S-3,Samtale,2024-02-04 09:00,Nord',
  'S-3,Samtale,2024-02-04 09:00,Nord',
  'S-4,Tilmelding,not a date,Nord',
].join('\n');

describe('ingest --append: a new extract added to the current version', () => {
  const tmp = tempDir('sagsflow-append-');
  afterAll(() => tmp.remove());
  const store = openDatabase(tmp.path('a.sqlite'));
  const jan = tmp.write('jan.csv', `${JANUARY}\n`);
  const feb = tmp.write('feb.csv', `${FEBRUARY}\n`);

  it('without a current version it is a plain load', async () => {
    const r = await ingestFiles(store, { files: [jan], log: 'dp', append: true });
    expect([r.version, r.appendedTo, r.rows, r.cases, r.events]).toEqual([
      1,
      undefined,
      { read: 5, accepted: 5, duplicates: 0, quarantined: 0 },
      2,
      5,
    ]);
  });

  it('applies the load policy to the appended load (1 of 6 rows quarantined is above 5%)', async () => {
    const refused = await ingestFiles(store, { files: [feb], log: 'dp', append: true }).catch((e: Error) => e.message);
    expect(refused).toBe(
      'ingest feb.csv: refused by the load policy: 16.7% of the rows were quarantined (1 of 6; bad-timestamp: 1), above the limit of 5%: check the mapping (timestampFormat, delimiter) or load anyway with --max-quarantine-share 0.17',
    );
  });

  it('holds old + new events; rows already in the current version count as duplicates: read = accepted + duplicates + quarantined', async () => {
    const r = await ingestFiles(store, { files: [feb], log: 'dp', append: true, policy: LENIENT_POLICY });
    expect(r.status).toBe('stored');
    expect(r.version).toBe(2);
    expect(r.appendedTo).toBe(1);
    expect(r.rows).toEqual({ read: 6, accepted: 3, duplicates: 2, quarantined: 1 });
    expect(r.rows.read).toBe(r.rows.accepted + r.rows.duplicates + r.rows.quarantined);
    expect([r.cases, r.events, r.identical]).toEqual([3, 8, 2]);
    expect(new Date(r.firstTimestamp!).toISOString()).toBe('2024-01-02T08:00:00.000Z');
    expect(new Date(r.lastTimestamp!).toISOString()).toBe('2024-02-04T08:00:00.000Z');
    const sqlite = store.sqlite;
    expect(sqlite.prepare("SELECT DISTINCT version FROM events WHERE log = 'dp'").pluck().all()).toEqual([2]);
    const cases = sqlite.prepare("SELECT jobcenter, events, variant_key FROM cases WHERE log = 'dp' ORDER BY start").all() as {
      jobcenter: string;
      events: number;
    }[];
    expect(cases.map((c) => [c.jobcenter, c.events])).toEqual([
      ['Nord', 2],
      ['Syd', 4],
      ['Nord', 2],
    ]);
    const variants = sqlite
      .prepare("SELECT activities, sum(cases) AS n FROM variants WHERE log = 'dp' GROUP BY activities ORDER BY activities")
      .raw()
      .all();
    expect(variants).toEqual([
      ['Tilmelding → Samtale', 2],
      ['Tilmelding → Samtale → Kursus → Afmeldt', 1],
    ]);
    expect(listVersions(sqlite, 'dp').map((v) => [v.version, v.appendedTo, v.events, v.current])).toEqual([
      [2, 1, 8, true],
      [1, null, 5, false],
    ]);
  });

  it('refuses an append with nothing new, and the version appended to can be made current again', async () => {
    // The same files as the load that made the current version: unchanged, as for any load.
    expect((await ingestFiles(store, { files: [feb], log: 'dp', append: true, policy: LENIENT_POLICY })).status).toBe('unchanged');
    await expect(ingestFiles(store, { files: [jan], log: 'dp', append: true })).rejects.toThrow(
      'ingest jan.csv: nothing new to append: all 5 rows read are already in version 2 or quarantined',
    );
    expect(rollbackVersion(store.sqlite, 'dp', 1)).toMatchObject({ from: 2, to: 1, cases: 2, events: 5 });
  });

  it('keeps the rows already in the current version when duplicates are kept', async () => {
    const r = await ingestFiles(store, { files: [feb], log: 'dp', append: true, keepDuplicates: true, policy: LENIENT_POLICY });
    expect([r.version, r.appendedTo, r.rows, r.events]).toEqual([3, 1, { read: 6, accepted: 5, duplicates: 0, quarantined: 1 }, 10]);
  });
});

describe('ingest --append of an extract read in the reader worker', () => {
  const tmp = tempDir('sagsflow-append-worker-');
  afterAll(() => tmp.remove());

  it('recognises every row of a large extract that is already in the current version', async () => {
    const store = openDatabase(tmp.path('w.sqlite'));
    const big = tmp.path('big.csv');
    await generateLog({ process: 'dagpenge', cases: 8_000, seed: 5, out: big });
    expect(statSync(big).size).toBeGreaterThan(READ_WORKER_MIN_BYTES);
    const first = await ingestFiles(store, { files: [big], log: 'big', policy: LENIENT_POLICY });
    const again = await ingestFiles(store, { files: [big], log: 'big', append: true, policy: LENIENT_POLICY }).catch(
      (e: Error) => e.message,
    );
    expect(again).toBe(`ingest big.csv: nothing new to append: all ${first.rows.read} rows read are already in version 1 or quarantined`);
    store.close();
  }, 120_000);
});

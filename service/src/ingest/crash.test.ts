import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { generateLog } from '../generate/index';
import { ingestFiles } from './ingest-files';
import { TINY_CSV, tempDir, LENIENT_POLICY } from '../testing/ingest-fixtures';
import { killMidLoad } from '../testing/kill-mid-load';

describe('a load killed with SIGKILL', () => {
  const t = tempDir();
  afterAll(() => t.remove());

  it('kill -9 in the middle of a load leaves the previous version intact and the database consistent', async () => {
    const dbPath = t.path('crash.sqlite');
    const store = openDatabase(dbPath);
    const v1 = await ingestFiles(store, { files: [t.write('tiny.csv', TINY_CSV)], log: 'crash', policy: LENIENT_POLICY });
    store.close();
    const big = t.path('big.csv');
    await generateLog({ process: 'dagpenge', cases: 15_000, seed: 3, out: big });

    await killMidLoad(dbPath, big);

    const after = openDatabase(dbPath);
    expect(after.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const q = (sql: string) => after.sqlite.prepare(sql).pluck().get();
    expect(q("select current_version from logs where name = 'crash'")).toBe(1);
    expect(q('select count(*) from events')).toBe(v1.events);
    expect(q('select count(*) from cases')).toBe(v1.cases);
    expect(q('select count(*) from loads')).toBe(1);
    expect(q('select max(version) from steps')).toBe(1);
    after.close();
  }, 120_000);
});

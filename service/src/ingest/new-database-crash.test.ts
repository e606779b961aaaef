import { existsSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openForLoad } from '../db/new-database';
import { generateLog } from '../generate/index';
import { ingestFiles } from './ingest-files';
import { TINY_CSV, tempDir, LENIENT_POLICY } from '../testing/ingest-fixtures';
import { killMidLoad } from '../testing/kill-mid-load';

describe('a load into a new database killed with SIGKILL', () => {
  const t = tempDir();
  afterAll(() => t.remove());

  it('leaves no database at the path, and the next load removes what the dead one left', async () => {
    const dbPath = t.path('fresh.sqlite');
    const big = t.path('big.csv');
    await generateLog({ process: 'dagpenge', cases: 15_000, seed: 3, out: big });
    const beside = () => readdirSync(t.dir).filter((n) => n.startsWith('fresh.sqlite') && n !== 'fresh.sqlite.key');

    await killMidLoad(dbPath, big, 'new');

    expect(existsSync(dbPath)).toBe(false);
    expect(beside().length).toBeGreaterThan(0);
    expect(beside().every((n) => n.startsWith(`fresh.sqlite.building-`))).toBe(true);

    const store = openForLoad(dbPath);
    expect(beside()).toEqual([store.sqlite.name.slice(t.dir.length + 1)]);
    const report = await ingestFiles(store, { files: [t.write('tiny.csv', TINY_CSV)], log: 'crash', policy: LENIENT_POLICY });
    store.close();
    expect(beside()).toEqual(['fresh.sqlite']);
    const after = openForLoad(dbPath);
    expect(after.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(after.sqlite.prepare('select count(*) from events').pluck().get()).toBe(report.events);
    expect(after.sqlite.prepare('select count(*) from loads').pluck().get()).toBe(1);
    after.close();
  }, 120_000);
});

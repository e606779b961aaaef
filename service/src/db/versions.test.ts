import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../ingest/ingest-files';
import { LENIENT_POLICY, TINY_CSV, tempDir } from '../testing/ingest-fixtures';
import { openDatabase } from './client';
import { deleteLog, VERSIONED_TABLES } from './versions';

describe('deleteLog', () => {
  it('deleteLog removes every row of one log in every table and leaves the other log whole', async () => {
    const t = tempDir();
    const store = openDatabase(':memory:');
    const file = t.write('tiny.csv', TINY_CSV);
    await ingestFiles(store, { files: [file], log: 'a', policy: LENIENT_POLICY });
    await ingestFiles(store, { files: [file], log: 'b', policy: LENIENT_POLICY });
    const count = (table: string, log: string) =>
      store.sqlite
        .prepare(`select count(*) from "${table}" where ${table === 'logs' ? 'name' : 'log'} = ?`)
        .pluck()
        .get(log) as number;
    const before = Object.fromEntries(VERSIONED_TABLES.map((table) => [table, count(table, 'b')]));
    expect(before['events']).toBe(7);
    expect(deleteLog(store.sqlite, 'a')).toBe(true);
    for (const table of [...VERSIONED_TABLES, 'loads', 'logs']) expect(count(table, 'a'), table).toBe(0);
    for (const table of VERSIONED_TABLES) expect(count(table, 'b'), table).toBe(before[table]);
    expect(deleteLog(store.sqlite, 'a')).toBe(false);
    store.close();
    t.remove();
  });
});

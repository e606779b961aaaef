import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { ingestFiles } from '../ingest/ingest-files';
import { TINY_CSV, tempDir } from '../testing/ingest-fixtures';
import { rebuildSummaries } from '../governance/rebuild-summaries';
import { reprecomputeLog, staleLogs } from './reprecompute';

const dirs: ReturnType<typeof tempDir>[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const rowsOf = (store: ReturnType<typeof openDatabase>, table: string) =>
  (store.sqlite.prepare(`select * from ${table} order by rowid`).all() as Record<string, unknown>[]).map(({ id, ...rest }) => rest);

describe('reprecomputeLog (the upgrade path of migration 0008)', () => {
  it('finds a log whose step rows predate the variant number and rebuilds, with the summaries, exactly what ingest wrote, viewer model included (no duplicate rows)', async () => {
    const t = tempDir();
    dirs.push(t);
    const store = openDatabase(t.path('db.sqlite'));
    await ingestFiles(store, { files: [t.write('tiny.csv', TINY_CSV)], log: 'tiny', minGroupSize: 1, policy: { maxQuarantineShare: 1 } });
    const exact = ['steps', 'cases', 'variants', 'edges', 'activities', 'periods', 'jobcenters'];
    const tables = [
      ...exact,
      ...['steps', 'variants', 'edges', 'activities', 'periods', 'jobcenters'].map((x) => `viewer_${x}`),
      'viewer_builds',
    ];
    const before = Object.fromEntries(tables.map((table) => [table, rowsOf(store, table)]));
    expect(before['viewer_steps']!.length).toBeGreaterThan(0);
    expect(staleLogs(store.sqlite)).toEqual([]);
    store.sqlite.exec(
      "update steps set variant_rank = 0, d00 = 0, s00 = 0; update variants set variant_rank = 0; update steps set h00 = cases where to_activity = '■ end'",
    );
    expect(staleLogs(store.sqlite)).toEqual(['tiny']);
    // As every caller does (sagsflow precompute, erasure, retention): the model tables, then the
    // summaries that write the step table's insight and findings columns.
    const summary = reprecomputeLog(store.sqlite, 'tiny');
    expect(summary?.cases).toBe(3);
    rebuildSummaries(store.sqlite, 'tiny');
    for (const table of tables) expect(rowsOf(store, table), table).toEqual(before[table]);
    expect(staleLogs(store.sqlite)).toEqual([]);
    store.sqlite.exec('update viewer_steps set variant_rank = 0');
    expect(staleLogs(store.sqlite)).toEqual(['tiny']);
    reprecomputeLog(store.sqlite, 'tiny');
    rebuildSummaries(store.sqlite, 'tiny');
    for (const table of tables) expect(rowsOf(store, table), table).toEqual(before[table]);
    expect(reprecomputeLog(store.sqlite, 'nope')).toBeNull();
    store.close();
  });
});

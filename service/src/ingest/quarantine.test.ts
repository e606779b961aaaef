import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { generateLog } from '../generate/index';
import { ingestFiles } from './ingest-files';
import { tempDir } from '../testing/ingest-fixtures';

describe('quarantine of a dirty extract', () => {
  const t = tempDir();
  afterAll(() => t.remove());

  it('keeps every rejected row with line and reason, scrubbed: no CPR, case id or name, bad values visible', async () => {
    const file = t.path('dirty.csv');
    const gen = await generateLog({ process: 'dagpenge', cases: 1500, seed: 11, out: file, dirty: true });
    const store = openDatabase(':memory:');
    const r = await ingestFiles(store, { files: [file], log: 'dirty' });
    expect(r.rows.read).toBe(gen.rows);
    expect(r.rows.read).toBe(r.rows.accepted + r.rows.duplicates + r.rows.quarantined);
    expect(r.rows.quarantined).toBeGreaterThan(0);
    const rows = store.sqlite.prepare('select line, reason, message, raw from quarantine').all() as {
      line: number;
      reason: string;
      message: string;
      raw: string;
    }[];
    expect(rows.length).toBe(r.rows.quarantined);
    expect(Object.values(r.quarantinedByReason).reduce((a, b) => a + b, 0)).toBe(r.rows.quarantined);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/\b\d{6}-\d{4}\b/);
    expect(text).not.toMatch(/DAG-\d{4}-\d+/);
    expect(text).toContain('Placering af dagpengemodtagere');
    const bad = rows.find((q) => q.reason === 'bad-timestamp');
    expect(bad).toBeDefined();
    const shown = /"([^"]+)"/.exec(bad!.message)![1]!;
    expect(bad!.raw).toContain(shown);
    store.close();
  }, 60_000);
});

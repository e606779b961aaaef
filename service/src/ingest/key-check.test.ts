import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../db/client';
import { IngestError } from './errors';
import { ingestFiles } from './ingest-files';
import { TINY_CSV, tempDir, LENIENT_POLICY } from '../testing/ingest-fixtures';

describe('pseudonymisation key check', () => {
  const t = tempDir();
  afterAll(() => t.remove());
  afterEach(() => vi.unstubAllEnvs());

  it('a load under another key than the earlier loads throws key-mismatch and stores nothing', async () => {
    const dbPath = t.path('k.sqlite');
    const store = openDatabase(dbPath);
    vi.stubEnv('SAGSFLOW_SECRET', 'first secret');
    await ingestFiles(store, { files: [t.write('a.csv', TINY_CSV)], log: 'a', policy: LENIENT_POLICY });
    vi.stubEnv('SAGSFLOW_SECRET', 'second secret');
    const err = await ingestFiles(store, { files: [t.write('b.csv', TINY_CSV)], log: 'b', policy: LENIENT_POLICY }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe('key-mismatch');
    expect((err as IngestError).message).toMatch(/pseudonymisation key differs .* SAGSFLOW_SECRET/);
    expect(store.sqlite.prepare('select name from logs').pluck().all()).toEqual(['a']);
    vi.stubEnv('SAGSFLOW_SECRET', 'first secret');
    const ok = await ingestFiles(store, { files: [t.write('c.csv', TINY_CSV)], log: 'c', policy: LENIENT_POLICY });
    expect(ok.status).toBe('stored');
    const ids = (log: string) => store.sqlite.prepare('select distinct case_id from events where log = ? order by 1').pluck().all(log);
    expect(ids('c')).toEqual(ids('a'));
    store.close();
  });
});

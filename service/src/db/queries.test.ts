import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../ingest/ingest-files';
import { LENIENT_POLICY, TINY_CSV, tempDir } from '../testing/ingest-fixtures';
import { openDatabase } from './client';
import { currentVersion, jobcenterScope, logTotals } from './queries';

describe('queries', () => {
  it('jobcenterScope gives all, none, or an IN list', () => {
    expect(jobcenterScope(null)).toEqual({ sql: '1', params: [] });
    expect(jobcenterScope([])).toEqual({ sql: '0', params: [] });
    expect(jobcenterScope(['Nord', 'Syd'])).toEqual({ sql: '"jobcenter" IN (?, ?)', params: ['Nord', 'Syd'] });
  });

  it('currentVersion and logTotals read the tiny load, scoped to jobcenters', async () => {
    const t = tempDir();
    const store = openDatabase(':memory:');
    await ingestFiles(store, { files: [t.write('tiny.csv', TINY_CSV)], log: 'tiny', policy: LENIENT_POLICY });
    expect(currentVersion(store.sqlite, 'tiny')).toBe(1);
    expect(currentVersion(store.sqlite, 'none')).toBeNull();
    expect(logTotals(store.sqlite, 'tiny', null)).toEqual([{ process: 'dagpenge', cases: 3, events: 7, jobcenters: 2 }]);
    expect(logTotals(store.sqlite, 'tiny', ['Syd'])).toEqual([{ process: 'dagpenge', cases: 1, events: 2, jobcenters: 1 }]);
    expect(logTotals(store.sqlite, 'tiny', [])).toEqual([]);
    store.close();
    t.remove();
  });
});

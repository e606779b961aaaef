import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { setStepFindings } from './findings-queries';

describe('setStepFindings', () => {
  it('stores each row its text (shared texts bound once as UTF-8) or null, as text', () => {
    const store = openDatabase(':memory:');
    const insert = store.sqlite.prepare(
      `INSERT INTO steps (log, version, process, jobcenter, period, variant_key, step_index, from_activity, to_activity, cases, sum_seconds, findings)
       VALUES ('l', 1, 'p', 'Jobcenter Øst', '2025-01', 'v', 0, 'A', 'B', 1, 1, ?)`,
    );
    for (const before of [null, null, null, '[old]']) insert.run(before);
    const shared = JSON.stringify([{ id: 1, kind: 'bottleneck', da: 'Flaskehals ved Ændring → Afgørelse', en: 'Bottleneck' }]);
    setStepFindings(store.sqlite, 'steps', [
      [shared, 1],
      ['[]', 2],
      [shared, 3],
      [null, 4],
    ]);
    const rows = store.sqlite.prepare('SELECT findings, typeof(findings) FROM steps ORDER BY id').raw().all();
    expect(rows).toEqual([
      [shared, 'text'],
      ['[]', 'text'],
      [shared, 'text'],
      [null, 'null'],
    ]);
    store.close();
  });
});

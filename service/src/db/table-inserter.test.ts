import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { caseCompliance, compliance } from './schema';
import { tableInserter } from './table-inserter';
import { deleteVersionRows, hasVersionRows } from './version-rows';

describe('tableInserter', () => {
  it('writes the tuples under the schema keys’ SQL names, with log and version of the target', () => {
    const store = openDatabase(':memory:');
    const out = tableInserter(store.sqlite, caseCompliance, ['caseId', 'rule', 'process', 'jobcenter', 'month', 'status', 'daysLate'], {
      log: 'l',
      version: 2,
    });
    out.add(['c1', 'R1', 'dagpenge', 'Nord', '2024-01', 'violated', 3]);
    out.add(['c2', 'R1', 'dagpenge', 'Syd', '2024-02', 'fulfilled', null]);
    expect(out.written).toBe(0);
    out.flush();
    expect(out.written).toBe(2);
    expect(store.db.select().from(caseCompliance).all()).toEqual([
      {
        id: 1,
        log: 'l',
        version: 2,
        process: 'dagpenge',
        jobcenter: 'Nord',
        month: '2024-01',
        caseId: 'c1',
        rule: 'R1',
        status: 'violated',
        daysLate: 3,
      },
      {
        id: 2,
        log: 'l',
        version: 2,
        process: 'dagpenge',
        jobcenter: 'Syd',
        month: '2024-02',
        caseId: 'c2',
        rule: 'R1',
        status: 'fulfilled',
        daysLate: null,
      },
    ]);
    store.close();
  });
});

describe('deleteVersionRows / hasVersionRows', () => {
  it('delete only the rows of the given (log, version) and see whether a table has any', () => {
    const store = openDatabase(':memory:');
    for (const version of [1, 2]) {
      const out = tableInserter(store.sqlite, compliance, ['process', 'jobcenter', 'month', 'rule', 'status', 'cases', 'sumDaysLate'], {
        log: 'l',
        version,
      });
      out.add(['p', 'j', '2024-01', 'R1', 'fulfilled', 5, 0]);
      out.flush();
    }
    expect(hasVersionRows(store.sqlite, 'compliance', { log: 'l', version: 1 })).toBe(true);
    deleteVersionRows(store.sqlite, ['compliance', 'case_compliance'], { log: 'l', version: 1 });
    expect(hasVersionRows(store.sqlite, 'compliance', { log: 'l', version: 1 })).toBe(false);
    expect(hasVersionRows(store.sqlite, 'compliance', { log: 'l', version: 2 })).toBe(true);
    expect(hasVersionRows(store.sqlite, 'compliance', { log: 'other', version: 2 })).toBe(false);
    store.close();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { EventLogBuilder, type EventLog } from '@sagsflow/shared';
import { openDatabase } from '../db/client';
import { precomputeLoad } from '../ingest/precompute-load';
import type { IngestOptions } from '../ingest/load-report';
import { startModelWorker } from './model-job';

// The model worker is replaced by one that cannot start (`workerEntry` is the seam: it names the
// file a worker runs): answering `not-started`, or with no file at all.
const entry = vi.hoisted(() => ({ missing: false }));
vi.mock('../runtime/build-info', async (importOriginal) => {
  const original = await importOriginal<typeof import('../runtime/build-info')>();
  return {
    ...original,
    workerEntry: (name: string, sourceEntry: URL) => {
      if (name !== 'model-worker') return original.workerEntry(name, sourceEntry);
      return new URL(entry.missing ? '../testing/no-such-worker.mjs' : '../testing/not-started-model-worker.mjs', import.meta.url);
    },
  };
});

const DAY = 86_400_000;

/** 60 cases in two jobcenters: A → B → C or A → D, with an outcome (`result`) on each case's last event. */
function testLog(): EventLog {
  const b = new EventLogBuilder();
  const t0 = Date.UTC(2025, 0, 6);
  for (let c = 0; c < 60; c++) {
    const jobcenter = c % 2 === 0 ? 'Jobcenter Syd' : 'Jobcenter Nord';
    const steps = c % 4 === 0 ? ['A', 'D'] : ['A', 'B', 'C'];
    steps.forEach((activity, i) => {
      const last = i === steps.length - 1;
      b.add({
        caseId: `c${c}`,
        activity,
        timestamp: t0 + c * DAY + i * (2 + (c % 5)) * DAY,
        resource: `r${c % 3}`,
        caseAttributes: { jobcenter },
        ...(last ? { eventAttributes: { result: c % 3 === 0 ? 'nej' : 'ja' } } : {}),
      });
    });
  }
  return b.build();
}

const options: IngestOptions = {
  files: [],
  log: 'test',
  process: 'dagpenge',
  minGroupSize: 3,
  mapping: { case: 'c', activity: 'a', timestamp: 't', endActivities: ['C', 'D'], outcome: { column: 'result', success: ['ja'] } },
};
const spec = { log: 'test', process: 'dagpenge', minGroupSize: 3, endActivities: ['C', 'D'] };

/** Every table's rows after `precomputeLoad` of the test log in one transaction, with `modelJob`. */
function loaded(modelJob: ReturnType<typeof startModelWorker>) {
  const store = openDatabase(':memory:');
  const log = testLog();
  store.sqlite.transaction(() =>
    precomputeLoad(log, { sqlite: store.sqlite, log: 'test', version: 1, what: 'test.csv', options, modelJob }),
  )();
  const names = store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const rows = Object.fromEntries(names.map((t) => [t, store.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
  store.close();
  return rows;
}

describe('a model worker that cannot start', () => {
  it('leaves the rows and the findings to the loading thread: every table as without a worker', () => {
    entry.missing = false;
    const here = loaded(null);
    expect((here['findings'] as unknown[]).length).toBeGreaterThan(0);
    expect((here['cases'] as unknown[]).length).toBe(60);
    const job = startModelWorker(testLog(), spec, { ...spec, outcome: { attribute: 'result', success: ['ja'] } });
    expect(job).not.toBeNull();
    expect(job!.pollFindings()).toBeUndefined();
    const fallback = loaded(job);
    for (const t of Object.keys(here)) expect(fallback[t], t).toEqual(here[t]);
  }, 60_000);

  it('is not started when its file is missing (startModelWorker gives null)', () => {
    entry.missing = true;
    expect(startModelWorker(testLog(), spec)).toBeNull();
  });
});

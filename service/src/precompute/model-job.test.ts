import { describe, expect, it } from 'vitest';
import { BUCKET_COUNT, EventLogBuilder, FINE_BUCKET_COUNT, type EventLog } from '@sagsflow/shared';
import { openDatabase } from '../db/client';
import type { SqlValue } from '../db/batch-insert';
import { MODEL_TABLES, type SplitRowWriter } from './model-writer';
import { precomputeModel } from './precompute-model';
import { startModelWorker } from './model-job';
import { precomputeLoad } from '../ingest/precompute-load';
import { IngestError } from '../ingest/errors';
import { createRowEncoder } from './row-encoder';
import { createRowReplay } from './row-replay';
import type { RowBatch } from './row-batch';
import { createStepVariantsCollector } from './step-variants';

const DAY = 86_400_000;
const TABLES = [...MODEL_TABLES, ...MODEL_TABLES.filter((t) => t !== 'cases').map((t) => `viewer_${t}`), 'viewer_builds'];

/** 120 cases in three jobcenters over two months: A → B (→ B) → C or A → D, some with an age attribute. */
function testLog(): EventLog {
  const b = new EventLogBuilder();
  const t0 = Date.UTC(2025, 0, 6);
  for (let c = 0; c < 120; c++) {
    const jobcenter = ['Jobcenter Syd', 'Jobcenter Nord', 'Jobcenter Øst'][c % 3]!;
    const caseAttributes: Record<string, string> = c % 4 === 0 ? { jobcenter, age: String(20 + (c % 7)) } : { jobcenter };
    const steps: [string, number][] =
      c % 5 === 0
        ? [
            ['A', 0],
            ['D', 3 + (c % 9)],
          ]
        : [['A', 0], ['B', 1 + (c % 3)], ...(c % 7 === 0 ? ([['B', 2]] as [string, number][]) : []), ['C', 2 + (c % 11)]];
    let t = t0 + (c % 40) * DAY;
    for (const [activity, days] of steps) {
      t += days * DAY + (c % 13) * 3_600_000;
      b.add({ caseId: `c${c}`, activity, timestamp: t, resource: `r${c % 4}`, caseAttributes });
    }
  }
  return b.build();
}

function precomputed(log: EventLog, modelWorker: boolean) {
  const store = openDatabase(':memory:');
  const stepVariants = createStepVariantsCollector();
  let firstRows = 0;
  const summary = precomputeModel(log, {
    sqlite: store.sqlite,
    log: 'test',
    version: 1,
    process: 'dagpenge',
    minGroupSize: 3,
    endActivities: ['C'],
    stepVariants,
    modelWorker,
    onFirstRows: () => firstRows++,
  });
  const rows = Object.fromEntries(TABLES.map((t) => [t, store.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
  store.close();
  return { summary, rows, collected: stepVariants.tables, firstRows };
}

describe('precomputeModel in the model worker', () => {
  it('writes the same rows, in the same order and with the same ids, as computed in this thread, tells the collector the same, and calls onFirstRows once', () => {
    const log = testLog();
    const here = precomputed(log, false);
    expect(here.summary.cases).toBe(120);
    expect(here.rows['viewer_steps']!.length).toBeGreaterThan(0);
    const worker = precomputed(log, true);
    expect(worker.summary).toEqual(here.summary);
    for (const t of TABLES) expect(worker.rows[t], t).toEqual(here.rows[t]);
    expect(worker.collected).toEqual(here.collected);
    expect([here.firstRows, worker.firstRows]).toEqual([1, 1]);
  }, 60_000);

  it("throws the worker's error in the loading thread, and the transaction writes nothing", () => {
    const store = openDatabase(':memory:');
    const broken = { ...testLog(), caseOffsets: undefined } as unknown as EventLog;
    const load = store.sqlite.transaction(() =>
      precomputeModel(broken, { sqlite: store.sqlite, log: 'test', version: 1, process: null, modelWorker: true }),
    );
    expect(() => load()).toThrow(/undefined/);
    for (const t of TABLES) expect(store.sqlite.prepare(`SELECT count(*) n FROM ${t}`).get(), t).toEqual({ n: 0 });
    store.close();
  }, 60_000);
});

describe('createRowEncoder and createRowReplay', () => {
  it('replay every call with the same values: strings once (case ids and attributes inline, the others as UTF-8 bytes), null, -0 and NaN kept, only non-zero buckets sent and listed', () => {
    const batches: RowBatch[] = [];
    const encoder = createRowEncoder((batch) => batches.push(batch));
    const fine = { counts: new Float64Array(FINE_BUCKET_COUNT), seconds: new Float64Array(FINE_BUCKET_COUNT) };
    fine.counts[3] = 2;
    fine.seconds[3] = 7.5;
    const histogram = new Array<number>(BUCKET_COUNT).fill(0);
    histogram[2] = 2;
    histogram[4] = -0;
    encoder.exact.add('jobcenters', ['p', 'Nord', 3, NaN]);
    encoder.viewer.add('periods', ['p', null, '2025-01', 1, 2, 0, -0]);
    encoder.exact.add('cases', ['p', 'Nord', '2025-01', 'c1', 1, 2, 0.001, 2, 'A,B', 0, '{"age":"30"}']);
    encoder.exact.addHistogramRow('edges', ['p', 'Nord', '2025-01', 'A', 'B', 2, 2, 7.5], histogram, fine, []);
    encoder.flush();
    expect(batches.length).toBe(1);
    expect(batches[0]!.strings).toEqual(['p', 'Nord', '2025-01', 'A,B', 'A', 'B']);
    expect(batches[0]!.inline).toEqual(['c1', '{"age":"30"}']);
    const calls: unknown[][] = [];
    const asBytes: string[] = [];
    const decoded = (values: readonly SqlValue[]) =>
      values.map((v) => {
        if (!(v instanceof Uint8Array)) return v;
        const text = Buffer.from(v).toString('utf8');
        asBytes.push(text);
        return text;
      });
    const listed: number[][] = [];
    const recorder = (writer: string): SplitRowWriter => ({
      add: (table, values) => calls.push([writer, table, decoded(values)]),
      addSplitRow: (table, dense, zeros, nonZero, bound) => {
        expect(decoded(bound!)).toEqual(dense);
        listed.push(Array.from(nonZero!).sort((a, b) => a - b));
        calls.push([writer, table, [...dense], [...zeros]]);
      },
    });
    createRowReplay(recorder('exact'), recorder('viewer'))(batches[0]!);
    expect(asBytes).toEqual(['p', 'Nord', 'p', '2025-01', 'p', 'Nord', '2025-01', 'A,B', 'p', 'Nord', '2025-01', 'A', 'B']);
    expect(listed).toEqual([[2, 4, BUCKET_COUNT + 3, BUCKET_COUNT + FINE_BUCKET_COUNT + 3]]);
    const zeros = new Array<number>(BUCKET_COUNT + 2 * FINE_BUCKET_COUNT).fill(0);
    zeros[2] = 2;
    zeros[4] = -0;
    zeros[BUCKET_COUNT + 3] = 2;
    zeros[BUCKET_COUNT + FINE_BUCKET_COUNT + 3] = 7.5;
    expect(calls).toEqual([
      ['exact', 'jobcenters', ['p', 'Nord', 3, NaN]],
      ['viewer', 'periods', ['p', null, '2025-01', 1, 2, 0, -0]],
      ['exact', 'cases', ['p', 'Nord', '2025-01', 'c1', 1, 2, 0.001, 2, 'A,B', 0, '{"age":"30"}']],
      ['exact', 'edges', ['p', 'Nord', '2025-01', 'A', 'B', 2, 2, 7.5], zeros],
    ]);
    expect(Object.is((calls[3]![3] as number[])[4], -0)).toBe(true);
  });
});

describe('precomputeLoad with a model worker started before it', () => {
  it("turns the worker's error into IngestError('precompute-failed') naming the load, and its transaction writes nothing", () => {
    const store = openDatabase(':memory:');
    const broken = { ...testLog(), caseOffsets: undefined } as unknown as EventLog;
    const modelJob = startModelWorker(broken, { log: 'test', process: null });
    expect(modelJob).not.toBeNull();
    const load = store.sqlite.transaction(() =>
      precomputeLoad(broken, {
        sqlite: store.sqlite,
        log: 'test',
        version: 1,
        what: 'test.csv',
        options: { files: [], log: 'test' },
        modelJob,
      }),
    );
    let error: unknown;
    try {
      load();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe('precompute-failed');
    expect((error as IngestError).message).toMatch(/^test\.csv: precompute failed: .*undefined/);
    for (const t of TABLES) expect(store.sqlite.prepare(`SELECT count(*) n FROM ${t}`).get(), t).toEqual({ n: 0 });
    store.close();
  }, 60_000);
});

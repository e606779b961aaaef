import { describe, expect, it } from 'vitest';
import { BUCKET_COUNT, EventLogBuilder, FINE_BUCKET_COUNT, type EventLog } from '@sagsflow/shared';
import { openDatabase } from '../db/client';
import type { SqlValue } from '../db/batch-insert';
import { MODEL_TABLES, type ModelRows, type SplitRowWriter } from './model-writer';
import { precomputeModel } from './precompute-model';
import { startModelWorker } from './model-job';
import { computeFindings, type FindingsSpec } from '../findings/compute-findings';
import { precomputeLoad } from '../ingest/precompute-load';
import type { IngestOptions } from '../ingest/load-report';
import { IngestError } from '../ingest/errors';
import { createRowEncoder } from './row-encoder';
import { createRowReplay } from './row-replay';
import type { RowBatch } from './row-batch';
import { createStepVariantsCollector } from './step-variants';

const DAY = 86_400_000;
const TABLES = [...MODEL_TABLES, ...MODEL_TABLES.filter((t) => t !== 'cases').map((t) => `viewer_${t}`), 'viewer_builds'];

/**
 * 120 cases in three jobcenters over two months: A → B (→ B) → C or A → D, some with an age
 * attribute; `withOutcome` adds event attributes: `result` ("ja"/"nej") on a case's last event, and `note`.
 */
function testLog(withOutcome = false): EventLog {
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
    for (const [i, [activity, days]] of steps.entries()) {
      t += days * DAY + (c % 13) * 3_600_000;
      const last = i === steps.length - 1;
      const eventAttributes = { note: `n${c}`, ...(last ? { result: c % 3 === 0 ? 'nej' : 'ja' } : {}) };
      b.add({
        caseId: `c${c}`,
        activity,
        timestamp: t,
        resource: `r${c % 4}`,
        caseAttributes,
        ...(withOutcome ? { eventAttributes } : {}),
      });
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

/** A writer that drops every row (the findings tests read only the findings). */
const dropRows: SplitRowWriter & ModelRows = { add: () => {}, addSplitRow: () => {}, addHistogramRow: () => {}, addStepRow: () => {} };

const findingsSpec: FindingsSpec = {
  log: 'test',
  process: 'dagpenge',
  minGroupSize: 3,
  endActivities: ['C'],
  outcome: { attribute: 'result', success: ['ja'] },
};

describe('the model worker computing the findings after its rows', () => {
  it('answers what computeFindings computes in this thread, with the outcome read from an event attribute', () => {
    const log = testLog(true);
    const here = computeFindings(log, findingsSpec, new Map());
    expect(here.map((s) => s.jobcenter)).toEqual(['', 'Jobcenter Nord', 'Jobcenter Syd', 'Jobcenter Øst']);
    expect(here.flatMap((s) => s.findings).length).toBeGreaterThan(0);
    // The outcome changes what is found: the worker must have had the event attribute.
    expect(computeFindings(log, { ...findingsSpec, outcome: undefined }, new Map())).not.toEqual(here);
    const job = startModelWorker(log, { log: 'test', process: 'dagpenge', minGroupSize: 3, endActivities: ['C'] }, findingsSpec)!;
    expect(job.receive(dropRows, dropRows)).not.toBeNull();
    expect(job.findings()).toEqual(here);
  }, 60_000);

  it('pollFindings answers without waiting: undefined until the findings are computed, then the array findings() returns', () => {
    const job = startModelWorker(testLog(true), { log: 'test', process: 'dagpenge' }, findingsSpec)!;
    expect(job.pollFindings()).toBeUndefined();
    job.receive(dropRows, dropRows);
    let polled = job.pollFindings();
    const sleep = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < 600 && !polled; i++) {
      Atomics.wait(sleep, 0, 0, 50);
      polled = job.pollFindings();
    }
    expect(polled).toEqual(computeFindings(testLog(true), findingsSpec, new Map()));
    expect(job.findings()).toBe(polled);
  }, 60_000);

  it('gives no findings when asked for none (the caller computes them)', () => {
    const job = startModelWorker(testLog(), { log: 'test', process: null })!;
    expect(job.receive(dropRows, dropRows)).not.toBeNull();
    expect(job.findings()).toBeNull();
  }, 60_000);

  it("throws the findings' error after the rows were written", () => {
    const broken = { ...findingsSpec, outcome: { attribute: 'result', success: 5 as unknown as string[] } };
    const job = startModelWorker(testLog(true), { log: 'test', process: null }, broken)!;
    expect(job.receive(dropRows, dropRows)).not.toBeNull();
    expect(() => job.findings()).toThrow(/not iterable/);
    expect(job.pollFindings()).toBeUndefined();
  }, 60_000);
});

describe('precomputeLoad with a model worker that computes the findings', () => {
  const options: IngestOptions = {
    files: [],
    log: 'test',
    process: 'dagpenge',
    minGroupSize: 3,
    mapping: { case: 'c', activity: 'a', timestamp: 't', endActivities: ['C'], outcome: { column: 'result', success: ['ja'] } },
  };
  const load = (modelJob: ReturnType<typeof startModelWorker>, log: EventLog, opts = options) => {
    const store = openDatabase(':memory:');
    const ctx = { sqlite: store.sqlite, log: 'test', version: 1, what: 'test.csv', options: opts, modelJob };
    let error: unknown;
    try {
      store.sqlite.transaction(() => precomputeLoad(log, ctx))();
    } catch (e) {
      error = e;
    }
    const names = store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const rows = Object.fromEntries(names.map((t) => [t, store.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
    store.close();
    return { rows, error };
  };

  it('writes every table as computing the rows and the findings in this thread does', () => {
    const log = testLog(true);
    const here = load(null, log);
    expect(here.error).toBeUndefined();
    expect((here.rows['findings'] as unknown[]).length).toBeGreaterThan(0);
    const spec = { log: 'test', process: 'dagpenge', minGroupSize: 3, endActivities: ['C'] };
    const worker = load(startModelWorker(log, spec, { ...spec, outcome: { attribute: 'result', success: ['ja'] } }), log);
    expect(worker.error).toBeUndefined();
    for (const t of Object.keys(here.rows)) expect(worker.rows[t], t).toEqual(here.rows[t]);
  }, 60_000);

  it("turns the findings' error into IngestError('precompute-failed') naming the load, and its transaction writes nothing", () => {
    const log = testLog(true);
    const bad = { ...options, mapping: { ...options.mapping!, outcome: { column: 'result', success: 5 as unknown as string[] } } };
    const spec = { log: 'test', process: 'dagpenge', minGroupSize: 3, endActivities: ['C'] };
    const { rows, error } = load(
      startModelWorker(log, spec, { ...spec, outcome: { attribute: 'result', success: 5 as unknown as string[] } }),
      log,
      bad,
    );
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe('precompute-failed');
    expect((error as IngestError).message).toMatch(/^test\.csv: findings failed: .*not iterable/);
    for (const t of TABLES) expect(rows[t], t).toEqual([]);
  }, 60_000);
});

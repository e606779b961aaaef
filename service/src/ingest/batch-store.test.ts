import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import type { StoredEventFields } from '../db/append-seed';
import { createPseudonymText, createPseudonymizer } from '../privacy/pseudonymize';
import { createEventBatchWriter } from './event-batch-writer';
import { BATCH_EVENTS, type EventBatch } from './load-read-protocol';
import { createLoadStore, type QuarantineRow } from './load-sink';

const key = Buffer.from('batch-store-test-key-0123456789');
const p = createPseudonymizer(key);

/** One event as the transform hands it on with `deferPseudonyms`: case id and flagged values in clear. */
interface Row {
  caseId: string;
  activity: string;
  timestamp: number;
  end: number | null;
  resource: string | null;
  lifecycle: string | null;
  jobcenter: string | null;
  attributes: string | null;
  caseAttributes: [string, string, boolean][];
  quarantine?: QuarantineRow;
}

/** Hand-made rows: interleaved and repeating cases, empty and null values, clear and plain values equal to each other. */
function handMade(): Row[] {
  const row = (caseId: string, activity: string, timestamp: number, more: Partial<Row> = {}): Row => ({
    caseId,
    activity,
    timestamp,
    end: null,
    resource: null,
    lifecycle: null,
    jobcenter: null,
    attributes: null,
    caseAttributes: [],
    ...more,
  });
  return [
    row('S-1', 'Tilmelding', 1000, {
      resource: 'p_aaaa',
      jobcenter: 'Nord',
      attributes: '{"Frist":"2024-07-15"}',
      caseAttributes: [
        ['Borger', 'Anna Jensen', true],
        ['Proces', 'dagpenge', false],
        ['Sagen', 'S-1', true],
        ['jobcenter', 'Nord', false],
      ],
    }),
    row('S-2', 'Tilmelding', 500, { resource: '', lifecycle: 'start', end: 900, caseAttributes: [['Borger', 'Anna Jensen', true]] }),
    row('S-1', 'Samtale', 2000, { resource: 'p_aaaa', lifecycle: 'COMPLETE', attributes: '{"Frist":"2024-07-15"}' }),
    row('S-2', 'Samtale', 700, { lifecycle: 'suspend', caseAttributes: [['Proces', 'S-1', false]] }),
    row('', 'Tom', 3000, {
      caseAttributes: [['Borger', '', true]],
      quarantine: ['x.csv', 9, 'Tidspunkt', 'bad-timestamp', 'no time', 'S-3,,'],
    }),
    row('S-1', 'Samtale', 2000, { resource: 'Nord', jobcenter: 'Nord', caseAttributes: [['Borger', 'Bo Hansen', true]] }),
  ];
}

/** Many rows over several batches, cases spanning batch ends; `cprs` distinct CPR values. */
function many(events: number, cprs = 500): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < events; i++) {
    const c = Math.floor(i / 7);
    rows.push({
      caseId: `DAG-${c}`,
      activity: `Trin ${i % 5}`,
      timestamp: 1_700_000_000_000 + i * 1000,
      end: i % 11 === 0 ? 1_700_000_000_500 + i * 1000 : null,
      resource: i % 3 === 0 ? null : `p_sb${i % 13}`,
      lifecycle: i % 4 === 0 ? 'complete' : null,
      jobcenter: `Jobcenter ${c % 3}`,
      attributes: i % 2 === 0 ? `{"Frist":"${c}"}` : null,
      caseAttributes:
        i % 7 === 0
          ? [
              ['CPR', `CPR ${c % cprs}`, true],
              ['Proces', 'Placering', false],
            ]
          : [],
    });
  }
  return rows;
}

const selectAll =
  'select log, version, case_id, activity, timestamp, end_timestamp, resource, lifecycle, jobcenter, attributes from events order by id';
const typesOf =
  'select typeof(case_id), typeof(activity), typeof(resource), typeof(lifecycle), typeof(jobcenter), typeof(attributes) from events';

/** A database whose quarantine rows need no load row. */
function openLoadDb() {
  const db = openDatabase(':memory:');
  db.sqlite.pragma('foreign_keys = OFF');
  return db;
}

/** Stores `rows` one by one, pseudonymised here, as the loading thread's own reads do. */
function storeDirect(rows: Row[], skipEvent?: (e: StoredEventFields) => boolean) {
  const db = openLoadDb();
  const store = createLoadStore({ sqlite: db.sqlite, loadId: 1, log: 'l', version: 1, skipEvent });
  for (const r of rows) {
    store.output.event(p.pseudonym(r.caseId), r.activity, r.timestamp, r.end, r.resource, r.lifecycle, r.jobcenter, r.attributes);
    for (const [k, v, clear] of r.caseAttributes) store.output.caseAttribute(k, clear ? p.pseudonym(v) : v, false);
    if (r.quarantine) store.output.quarantine(r.quarantine);
  }
  store.finish();
  return { db, builder: store.builder, batches: [] as EventBatch[] };
}

/** Stores `rows` as the reader worker hands them on: coded into batches, clear values pseudonymised by the store. */
function storeCoded(rows: Row[], skipEvent?: (e: StoredEventFields) => boolean) {
  const db = openLoadDb();
  const store = createLoadStore({ sqlite: db.sqlite, loadId: 1, log: 'l', version: 1, skipEvent });
  const storeBatch = store.batchStore(createPseudonymText(key));
  const batches: EventBatch[] = [];
  // Each batch is cloned as postMessage would, so the store never sees the writer's objects.
  const writer = createEventBatchWriter((b) => batches.push(structuredClone(b)));
  for (const r of rows) {
    writer.output.event(r.caseId, r.activity, r.timestamp, r.end, r.resource, r.lifecycle, r.jobcenter, r.attributes);
    for (const [k, v, clear] of r.caseAttributes) writer.output.caseAttribute(k, v, clear);
    if (r.quarantine) writer.output.quarantine(r.quarantine);
  }
  writer.flush();
  for (const b of batches) storeBatch(b);
  store.finish();
  return { db, builder: store.builder, batches };
}

/** Both ways' rows of events (values and types) and quarantine, their event logs, and the coded batches. */
function bothWays(rows: Row[], skipEvent?: (e: StoredEventFields) => boolean) {
  const stored = [storeDirect(rows, skipEvent), storeCoded(rows, skipEvent)];
  const read = (sql: string) => stored.map(({ db }) => db.sqlite.prepare(sql).raw().all() as unknown[][]);
  const result = {
    events: read(selectAll),
    types: read(typesOf),
    quarantine: read('select * from quarantine order by id'),
    logs: stored.map(({ builder }) => builder.build()),
    batches: stored[1]!.batches,
  };
  for (const { db } of stored) db.close();
  return result;
}

describe('createBatchStore', () => {
  it('stores hand-made coded batches as the same events, quarantine and event log as row by row', () => {
    const { events, types, quarantine, logs } = bothWays(handMade());
    expect(events[1]).toEqual(events[0]);
    expect(events[1]).toHaveLength(6);
    expect(events[1]![0]).toEqual(['l', 1, p.pseudonym('S-1'), 'Tilmelding', 1000, null, 'p_aaaa', null, 'Nord', '{"Frist":"2024-07-15"}']);
    expect(events[1]![4]![2]).toBe('');
    expect(types[1]).toEqual(types[0]);
    expect(quarantine[1]).toEqual(quarantine[0]);
    expect(quarantine[1]).toHaveLength(1);
    expect(logs[1]).toEqual(logs[0]);
    expect(logs[1]!.caseAttributes.get('Borger')!.values).toEqual([p.pseudonym('Anna Jensen')]);
    expect(logs[1]!.caseAttributes.get('Sagen')!.values).toEqual([p.pseudonym('S-1')]);
    expect(logs[1]!.caseAttributes.get('Proces')!.values).toEqual(['dagpenge', 'S-1']);
  });

  it('sends each plain value once per load, each clear value once per batch, and gives the same rows over several batches', () => {
    const rows = many(3 * BATCH_EVENTS + 123);
    const { events, logs, batches } = bothWays(rows);
    expect(batches).toHaveLength(4);
    expect(batches.reduce((n, b) => n + b.size, 0)).toBe(rows.length);
    const names = batches.flatMap((b) => b.names);
    const plain = batches.flatMap((b) => b.names.filter((_, i) => b.namesClear[i] === 0));
    expect(new Set(plain).size).toBe(plain.length);
    expect(plain.filter((n) => n.startsWith('Trin '))).toHaveLength(5);
    for (const b of batches) {
      const clear = b.names.filter((_, i) => b.namesClear[i] === 1);
      expect(new Set(clear).size).toBe(clear.length);
    }
    // A case that runs on into the next batch keeps its code: each case id is sent once.
    expect(names.filter((n) => n.startsWith('DAG-'))).toHaveLength(new Set(rows.map((r) => r.caseId)).size);
    // The first 8,192 values of a case-attribute key are sent once per load.
    expect(names.filter((n) => n.startsWith('CPR '))).toHaveLength(500);
    expect(events[1]).toEqual(events[0]);
    expect(logs[1]).toEqual(logs[0]);
  });

  it('sends the values of a key beyond the first 8,192 once per batch and stores them the same', () => {
    const rows = many(10 * BATCH_EVENTS, 20_000);
    const { events, logs, batches } = bothWays(rows);
    const cprs = batches.flatMap((b) => b.names.filter((n) => n.startsWith('CPR ')));
    expect(new Set(cprs).size).toBe(Math.ceil(rows.length / 7));
    expect(events[1]).toEqual(events[0]);
    expect(logs[1]).toEqual(logs[0]);
  });

  it('codes each value of a key anew once its values seldom come back, and stores them the same', () => {
    // Every case its own CPR number: after 8,192 kept and 4,096 looked up, the key stops looking its values up.
    const rows = many(16 * BATCH_EVENTS, 1_000_000);
    const last = rows[rows.length - 1]!;
    rows.push({
      ...last,
      caseId: 'DAG-again',
      timestamp: last.timestamp + 1000,
      caseAttributes: [
        ['CPR', 'CPR 0', true],
        ['Proces', 'Placering', false],
      ],
    });
    const { events, logs, batches } = bothWays(rows);
    const names = batches.flatMap((b) => b.names);
    expect(names.filter((n) => n === 'CPR 0')).toHaveLength(2);
    expect(names.filter((n) => n === 'Placering')).toHaveLength(1);
    expect(events[1]).toEqual(events[0]);
    expect(logs[1]).toEqual(logs[0]);
  });

  it('drops what skipEvent drops, with its case attributes, and interns nothing of it', () => {
    const skip = (e: StoredEventFields) => e[1] === 'Tilmelding' || e[2] === 2000;
    const { events, logs } = bothWays(handMade(), skip);
    expect(events[1]).toEqual(events[0]);
    expect(events[1]).toHaveLength(2);
    expect(logs[1]).toEqual(logs[0]);
    expect(logs[1]!.activities).toEqual(['Samtale', 'Tom']);
  });

  it('throws the row-by-row error for a timestamp that is not a number', () => {
    const rows = handMade();
    rows[2]!.timestamp = NaN;
    const message = /timestamp is not a finite number, got NaN for case .*p_[0-9a-f]{16}/;
    expect(() => storeDirect(rows)).toThrow(message);
    expect(() => storeCoded(rows)).toThrow(message);
  });
});

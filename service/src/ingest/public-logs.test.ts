import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { activityTimes, EventLogBuilder } from '@sagsflow/shared';
import { readLog } from '../readers/index';
import { ingestFiles } from './ingest-files';
import { tempDir } from '../testing/ingest-fixtures';

const DATA = new URL('../../../tests/data/', import.meta.url).pathname;
const count = (store: ReturnType<typeof openDatabase>, sql: string) => store.sqlite.prepare(sql).pluck().get();

describe('ingestFiles on the public logs (known counts in tests/data/SOURCES.md)', () => {
  it('running-example.xes: 6 cases, 42 events, 8 activities; step rows add up to the cases', async () => {
    const store = openDatabase(':memory:');
    const r = await ingestFiles(store, { files: [`${DATA}running-example.xes`], log: 'running' });
    expect([r.cases, r.events, r.rows.quarantined]).toEqual([6, 42, 0]);
    expect(count(store, "select count(distinct activity) from activities where log = 'running'")).toBe(8);
    expect(count(store, 'select sum(cases) from steps where step_index = 0')).toBe(6);
    expect(count(store, 'select sum(events) from activities')).toBe(42);
    expect(count(store, 'select distinct process from cases')).toBe('running');
    store.close();
  });

  it('receipt.csv: 1,434 cases and 8,577 events; the cases table and periods agree', async () => {
    const store = openDatabase(':memory:');
    const r = await ingestFiles(store, { files: [`${DATA}receipt.csv.gz`], log: 'receipt' });
    expect([r.cases, r.events]).toEqual([1434, 8577]);
    expect(count(store, 'select count(*) from cases')).toBe(1434);
    expect(count(store, 'select sum(cases) from periods')).toBe(1434);
    expect(count(store, 'select sum(events) from periods')).toBe(8577);
    expect(count(store, "select count(*) from events where case_id not like 'p\\_%' escape '\\'")).toBe(0);
    store.close();
  });
});

describe('attributes that repeat the case id or a person', () => {
  it('running-example.xes: the event attribute "Resource" (a caseworker) is pseudonymised like the resource', async () => {
    const store = openDatabase(':memory:');
    await ingestFiles(store, { files: [`${DATA}running-example.xes`], log: 'running' });
    const rows = store.sqlite.prepare('select resource, attributes from events').all() as { resource: string; attributes: string }[];
    const text = JSON.stringify(rows);
    for (const name of ['Pete', 'Mike', 'Ellen', 'Sara', 'Sean', 'Sue']) expect(text.includes(`"${name}"`), name).toBe(false);
    const first = rows[0]!;
    expect(JSON.parse(first.attributes)['Resource']).toBe(first.resource);
    store.close();
  });
});

describe('processing and waiting time on a start/complete log', () => {
  it('interval_event_log.xes: activity instances, processing and waiting sums equal the core activityTimes', async () => {
    const file = `${DATA}interval_event_log.xes.gz`;
    const store = openDatabase(':memory:');
    await ingestFiles(store, { files: [file], log: 'interval' });
    const builder = new EventLogBuilder();
    await readLog(file, { sink: { onEvent: (a) => builder.add(a.event), onReject: () => undefined } });
    const expected = activityTimes(builder.build());
    const rows = store.sqlite
      .prepare(
        'select activity, sum(instances) i, sum(sum_processing_seconds) p, sum(sum_waiting_seconds) w from activities group by activity order by activity',
      )
      .all() as { activity: string; i: number; p: number; w: number }[];
    expect(rows.map((r) => r.activity)).toEqual(expected.map((t) => t.activity));
    for (const [k, t] of expected.entries()) {
      expect(rows[k]!.i, t.activity).toBe(t.instances);
      expect(rows[k]!.p, t.activity).toBeCloseTo(t.processing.sum / 1000, 3);
      expect(rows[k]!.w, t.activity).toBeCloseTo(t.waiting.sum / 1000, 3);
    }
    store.close();
  });

  it('a start/complete CSV: processing and waiting seconds per activity have known values', async () => {
    const t = tempDir();
    const csv = [
      'case,activity,timestamp,lifecycle,jobcenter',
      'c1,A,2024-01-01T08:00:00Z,start,N',
      'c1,A,2024-01-01T09:00:00Z,complete,N',
      'c1,B,2024-01-01T11:00:00Z,start,N',
      'c1,B,2024-01-01T11:30:00Z,complete,N',
      'c2,A,2024-01-02T08:00:00Z,start,S',
      'c2,A,2024-01-02T08:10:00Z,complete,S',
    ].join('\n');
    const store = openDatabase(':memory:');
    await ingestFiles(store, { files: [t.write('life.csv', csv)], log: 'life' });
    const rows = store.sqlite
      .prepare(
        'select activity, sum(events) e, sum(instances) i, sum(sum_processing_seconds) p, sum(sum_waiting_seconds) w from activities group by activity order by activity',
      )
      .all();
    expect(rows).toEqual([
      { activity: 'A', e: 4, i: 2, p: 3600 + 600, w: 0 },
      { activity: 'B', e: 2, i: 1, p: 1800, w: 7200 },
    ]);
    store.close();
    t.remove();
  });
});

import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { ingestFiles } from './ingest-files';

const DATA = new URL('../../../../shared/data/', import.meta.url).pathname;
const count = (store: ReturnType<typeof openDatabase>, sql: string) => store.sqlite.prepare(sql).pluck().get();

describe('ingestFiles on the public logs (known counts in shared/data/SOURCES.md)', () => {
  it('running-example.xes: 6 cases, 42 events, 8 activities; step rows add up to the cases', async () => {
    const store = openDatabase(':memory:');
    const r = await ingestFiles(store, { files: [`${DATA}running-example.xes`], log: 'running' });
    expect([r.cases, r.events, r.rows.quarantined]).toEqual([6, 42, 0]);
    expect(count(store, "select count(distinct activity) from activities where log = 'running'")).toBe(8);
    expect(count(store, 'select sum(cases) from steps where step_index = 0')).toBe(6);
    expect(count(store, 'select sum(events) from activities')).toBe(42);
    expect(count(store, "select distinct process from cases")).toBe('running');
    store.close();
  });

  it('receipt.csv: 1,434 cases and 8,577 events; the cases table and periods agree', async () => {
    const store = openDatabase(':memory:');
    const r = await ingestFiles(store, { files: [`${DATA}receipt.csv`], log: 'receipt' });
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

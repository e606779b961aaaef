import { describe, expect, it } from 'vitest';
import type { RawEvent } from '@sagsflow/shared';
import { readLog } from './read-log';
import { collectingSink } from '../testing/collecting-sink';
import type { ReadReport } from './types';

const DATA = new URL('../../../tests/data/', import.meta.url).pathname;

function expectCountsAddUp(report: ReadReport): void {
  const { read, accepted, duplicates, quarantined } = report.rows;
  expect(read).toBe(accepted + duplicates + quarantined);
  expect(Object.values(report.quarantinedByReason).reduce((a, b) => a + b, 0)).toBe(quarantined);
}

function byCaseAndTime(events: RawEvent[]): RawEvent[] {
  return [...events].sort((a, b) => a.caseId.localeCompare(b.caseId) || a.timestamp - b.timestamp || a.activity.localeCompare(b.activity));
}

describe('readLog on the public logs of tests/data (known counts from its SOURCES.md)', () => {
  it('reads running-example.csv and running-example.xes to the same 42 events of 6 cases', async () => {
    const csv = collectingSink();
    const xes = collectingSink();
    const csvReport = await readLog(`${DATA}running-example.csv`, { sink: csv });
    const xesReport = await readLog(`${DATA}running-example.xes`, { sink: xes });
    expect(csvReport.rows).toEqual({ read: 42, accepted: 42, duplicates: 0, quarantined: 0 });
    expect(xesReport.rows).toEqual({ read: 42, accepted: 42, duplicates: 0, quarantined: 0 });
    expect(csv.cases.size).toBe(6);
    expect(xes.cases.size).toBe(6);
    expect(byCaseAndTime(csv.events.map((e) => e.event))).toEqual(byCaseAndTime(xes.events.map((e) => e.event)));
    expect(csvReport).toMatchObject({ format: 'csv', delimiter: ',', encoding: 'utf-8', compressed: false, mappingGuessed: true });
    expect(xesReport).toMatchObject({ format: 'xes', delimiter: null, compressed: false });
  });

  it('reads receipt.csv: 1,434 cases, 8,577 events, XES-style columns guessed', async () => {
    const sink = collectingSink(false);
    const report = await readLog(`${DATA}receipt.csv.gz`, { sink });
    expect(report.rows).toEqual({ read: 8577, accepted: 8577, duplicates: 0, quarantined: 0 });
    expect(sink.cases.size).toBe(1434);
    expect(report.mapping).toMatchObject({
      case: 'case:concept:name',
      activity: 'concept:name',
      timestamp: 'time:timestamp',
      lifecycle: 'lifecycle:transition',
    });
  });

  it('reads helpdesk.xes.gz: all 21,348 events of 4,580 cases (the published size), and reports the 127 identical ones it kept', async () => {
    const sink = collectingSink(false);
    const report = await readLog(`${DATA}helpdesk.xes.gz`, { sink });
    expect(report.compressed).toBe(true);
    expect(report.rows).toEqual({ read: 21348, accepted: 21348, duplicates: 0, quarantined: 0 });
    // 127 = events equal in case id and every attribute to an earlier one, counted independently with Python's ElementTree.
    expect([report.duplicatePolicy, report.identical]).toEqual(['keep', 127]);
    expect(sink.cases.size).toBe(4580);
    expectCountsAddUp(report);
  });

  it('drops the 127 identical events of helpdesk.xes.gz when asked (--dedupe): 21,221 accepted', async () => {
    const sink = collectingSink(false);
    const report = await readLog(`${DATA}helpdesk.xes.gz`, { sink, keepDuplicates: false });
    expect(report.rows).toEqual({ read: 21348, accepted: 21221, duplicates: 127, quarantined: 0 });
    expect(sink.duplicateLines.length).toBe(127);
    expect([report.duplicatePolicy, report.identical]).toEqual(['drop', 127]);
    expectCountsAddUp(report);
  });

  it('reads interval_event_log.xes (8,109 events, 1,266 cases) and roadtraffic100traces.xes (390 / 100)', async () => {
    const interval = collectingSink(false);
    expect((await readLog(`${DATA}interval_event_log.xes.gz`, { sink: interval })).rows.accepted).toBe(8109);
    expect(interval.cases.size).toBe(1266);
    const road = collectingSink(false);
    expect((await readLog(`${DATA}roadtraffic100traces.xes.gz`, { sink: road })).rows.accepted).toBe(390);
    expect(road.cases.size).toBe(100);
  });

  it('reads hiring_log_high.xes.gz: 63,869 events of 10,000 cases', async () => {
    const sink = collectingSink(false);
    const report = await readLog(`${DATA}hiring_log_high.xes.gz`, { sink });
    expect(report.rows.read).toBe(63869);
    expect(report.rows.accepted + report.rows.duplicates).toBe(63869);
    expect(sink.cases.size).toBe(10000);
  });

  it('reads bpic2012.xes.gz: 262,200 events (164,506 complete) of 13,087 cases', async () => {
    let complete = 0;
    const cases = new Set<string>();
    const report = await readLog(`${DATA}bpic2012.xes.gz`, {
      sink: {
        onEvent: ({ event }) => {
          cases.add(event.caseId);
          if (event.lifecycle?.toLowerCase() === 'complete') complete++;
        },
        onReject: () => undefined,
      },
    });
    expect(report.rows.read).toBe(262200);
    expect(report.rows.accepted).toBe(262200);
    expect(complete).toBe(164506);
    expect(cases.size).toBe(13087);
  });
});

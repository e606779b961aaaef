import { describe, expect, it } from 'vitest';
import { InvalidLogError } from '../errors';
import { EventLogBuilder } from './builder';
import { groupedCaseOffsets, orderEventsByCase } from './order-events';
import { Lifecycle } from './types';
import { traces } from '../testing/tiny-log';

describe('EventLogBuilder', () => {
  it('groups events by case in first-seen case order', () => {
    const b = new EventLogBuilder();
    b.addEvent('x', 'a', 1);
    b.addEvent('y', 'a', 1);
    b.addEvent('x', 'b', 2);
    b.addEvent('z', 'c', 0);
    b.addEvent('y', 'c', 5);
    const log = b.build();
    expect(log.caseIds).toEqual(['x', 'y', 'z']);
    expect(Array.from(log.caseOffsets)).toEqual([0, 2, 4, 5]);
    expect(traces(log)).toEqual([['a', 'b'], ['a', 'c'], ['c']]);
    expect(log.activities).toEqual(['a', 'b', 'c']);
  });

  it('sorts a case by timestamp and keeps input order on ties', () => {
    const b = new EventLogBuilder();
    b.addEvent('c', 'late', 30);
    b.addEvent('c', 'tie1', 10);
    b.addEvent('c', 'early', 5);
    b.addEvent('c', 'tie2', 10);
    b.addEvent('c', 'tie3', 10);
    const log = b.build();
    expect(traces(log)).toEqual([['early', 'tie1', 'tie2', 'tie3', 'late']]);
    expect(Array.from(log.timestamp)).toEqual([5, 10, 10, 10, 30]);
  });

  it('sorts long unsorted cases stably too', () => {
    const b = new EventLogBuilder();
    for (let i = 0; i < 100; i++) b.addEvent('c', `a${i}`, (99 - i) >> 1);
    const log = b.build();
    const names = traces(log)[0]!;
    expect(names.slice(0, 4)).toEqual(['a98', 'a99', 'a96', 'a97']);
    expect(names.at(-1)).toBe('a1');
  });

  it('interns resources (-1 when absent) and maps lifecycle text case-insensitively', () => {
    const b = new EventLogBuilder();
    b.add({ caseId: 'c', activity: 'a', timestamp: 1, resource: 'Pete', lifecycle: 'START' });
    b.add({ caseId: 'c', activity: 'a', timestamp: 2, resource: 'Pete', lifecycle: 'complete' });
    b.add({ caseId: 'c', activity: 'b', timestamp: 3, resource: null, lifecycle: 'schedule' });
    b.add({ caseId: 'c', activity: 'b', timestamp: 4 });
    const log = b.build();
    expect(log.resources).toEqual(['Pete']);
    expect(Array.from(log.resource)).toEqual([0, 0, -1, -1]);
    expect(Array.from(log.lifecycle)).toEqual([Lifecycle.start, Lifecycle.complete, Lifecycle.other, Lifecycle.none]);
  });

  it('keeps the first non-empty case attribute and event attributes per event', () => {
    const b = new EventLogBuilder();
    b.add({ caseId: 'c1', activity: 'a', timestamp: 2, caseAttributes: { jobcenter: '' } });
    b.add({ caseId: 'c2', activity: 'a', timestamp: 1, caseAttributes: { jobcenter: 'Nord' } });
    b.add({ caseId: 'c1', activity: 'b', timestamp: 1, caseAttributes: { jobcenter: 'Syd' }, eventAttributes: { cost: '5' } });
    b.add({ caseId: 'c1', activity: 'c', timestamp: 3, caseAttributes: { jobcenter: 'Nord' } });
    const log = b.build();
    const jc = log.caseAttributes.get('jobcenter')!;
    expect(Array.from(jc.codes, (i) => jc.values[i])).toEqual(['Syd', 'Nord']);
    const cost = log.eventAttributes.get('cost')!;
    // c1 is sorted to b(1), a(2), c(3); c2 has a(1)
    expect(Array.from(cost.codes)).toEqual([0, -1, -1, -1]);
    expect(cost.values).toEqual(['5']);
  });

  it('rejects a non-finite timestamp with InvalidLogError naming the case', () => {
    const b = new EventLogBuilder();
    expect(() => b.addEvent('case 7', 'a', Number.NaN)).toThrow(InvalidLogError);
    expect(() => b.addEvent('case 7', 'a', Number.NaN)).toThrow(/case "case 7"/);
  });

  it('builds an empty log', () => {
    const log = new EventLogBuilder().build();
    expect(log.caseIds).toEqual([]);
    expect(Array.from(log.caseOffsets)).toEqual([0]);
  });

  it('builds the same log from interned column batches as from events one by one, skipping the left-out ones', () => {
    const events: [string, string, number, string | null, string | null][] = [
      ['x', 'a', 3, 'r1', 'start'],
      ['y', 'b', 1, null, null],
      ['z', 'a', 2, '', 'COMPLETE'],
      ['x', 'c', 2, 'r2', 'complete'],
      ['w', 'd', 9, 'r1', 'suspend'],
      ['y', 'a', 0, 'r2', null],
    ];
    const skip = [0, 0, 1, 0, 0, 0];
    const one = new EventLogBuilder();
    one.addEvent('v', 'a', 5);
    events.forEach((e, i) => skip[i] || one.addEvent(...e));
    const batched = new EventLogBuilder();
    batched.addEvent('v', 'a', 5);
    // Batch-local ids in another order than first use: the builder must still intern in event order.
    const cases = ['w', 'z', 'y', 'x'];
    const activities = ['d', 'c', 'b', 'a'];
    const resources = ['r2', '', 'r1'];
    const lifecycles = ['suspend', 'complete', 'COMPLETE', 'start'];
    batched.addColumns(
      {
        size: events.length,
        cases,
        activities,
        resources,
        lifecycles,
        caseOf: Uint32Array.from(events, (e) => cases.indexOf(e[0])),
        activityOf: Uint32Array.from(events, (e) => activities.indexOf(e[1])),
        time: Float64Array.from(events, (e) => e[2]),
        resourceOf: Int32Array.from(events, (e) => (e[3] === null ? -1 : resources.indexOf(e[3]))),
        lifecycleOf: Int32Array.from(events, (e) => (e[4] === null ? -1 : lifecycles.indexOf(e[4]))),
      },
      Uint8Array.from(skip),
    );
    expect(batched.build()).toEqual(one.build());
    expect(batched.eventCount).toBe(6);
    const bad = { size: 1, cases: ['x'], activities: ['a'], resources: [], lifecycles: [] };
    const columns = {
      caseOf: new Uint32Array(1),
      activityOf: new Uint32Array(1),
      resourceOf: Int32Array.of(-1),
      lifecycleOf: Int32Array.of(-1),
    };
    expect(() => batched.addColumns({ ...bad, ...columns, time: Float64Array.of(NaN) })).toThrow(InvalidLogError);
  });

  it('builds the same log from ids (addIds) as from addEvent, with case attributes of own strings', () => {
    const events: [string, string, number, string | null, string | null][] = [
      ['x', 'a', 3, 'r1', 'start'],
      ['y', 'b', 1, '', null],
      ['x', 'b', 2, null, 'COMPLETE'],
      ['z', 'a', 0, 'r2', 'other'],
      ['y', 'a', 5, 'r1', null],
    ];
    const byEvent = new EventLogBuilder();
    const byIds = new EventLogBuilder();
    for (const [c, a, t, r, l] of events) {
      byEvent.addEvent(c, a, t, r, l);
      byEvent.setCaseAttribute('jc', `J${c}`);
      byIds.addIds(
        byIds.caseIdOf(c),
        byIds.activityIdOf(a),
        t,
        r === null ? -1 : byIds.resourceIdOf(r),
        l === null ? 0 : byIds.lifecycleCodeOf(l),
        c,
      );
      byIds.setCaseAttributeOwn('jc', `J${c}`);
    }
    byEvent.addEvent('x', 'c', 9);
    byIds.addEvent('x', 'c', 9);
    expect(byIds.build()).toEqual(byEvent.build());
    expect(() => byIds.addIds(0, 0, NaN, -1, 0, 'x')).toThrow(InvalidLogError);
  });

  it('builds grouped, time-ordered events (no reordering) as the reordering path does, with room reserved ahead', () => {
    const events: [string, string, number, string | null][] = [
      ['c1', 'a', 1, 'r1'],
      ['c1', 'b', 1, null],
      ['c1', 'c', 4, 'r2'],
      ['c2', 'a', 2, 'r2'],
      ['c3', 'b', 0, null],
      ['c3', 'a', 9, 'r1'],
    ];
    const grouped = new EventLogBuilder();
    grouped.reserve(5000);
    for (const [c, a, t, r] of events) grouped.addEvent(c, a, t, r, 'complete');
    // The same events with one case split in two runs need reordering.
    const split = new EventLogBuilder();
    for (const [c, a, t, r] of [events[0]!, events[3]!, events[1]!, events[2]!, events[4]!, events[5]!])
      split.addEvent(c, a, t, r, 'complete');
    const [x, y] = [grouped.build(), split.build()];
    expect(Array.from(x.caseOffsets)).toEqual([0, 3, 4, 6]);
    expect(traces(x)).toEqual([['a', 'b', 'c'], ['a'], ['b', 'a']]);
    expect(Array.from(x.timestamp)).toEqual([1, 1, 4, 2, 0, 9]);
    expect(Array.from(x.resource)).toEqual([0, -1, 1, 1, -1, 0]);
    expect(x.activity.length).toBe(6);
    expect(Array.from(x.caseOffsets)).toEqual(Array.from(y.caseOffsets));
    expect(Array.from(x.activity)).toEqual(Array.from(y.activity));
    expect(Array.from(x.timestamp)).toEqual(Array.from(y.timestamp));
    expect(Array.from(x.lifecycle)).toEqual(Array.from(y.lifecycle));
    expect(x.caseIds).toEqual(['c1', 'c2', 'c3']);
  });
  it('builds the same log on shared memory when asked, on both the grouped and the reordering path', () => {
    for (const grouped of [true, false]) {
      const b = new EventLogBuilder();
      const events: [string, string, number][] = grouped
        ? [
            ['c1', 'a', 1],
            ['c1', 'b', 2],
            ['c2', 'a', 3],
            ['c2', 'c', 4],
          ]
        : [
            ['c1', 'b', 5],
            ['c2', 'a', 3],
            ['c1', 'a', 1],
            ['c2', 'c', 4],
          ];
      for (const [c, a, t] of events) {
        b.addEvent(c, a, t, t % 2 ? 'r1' : null, t > 3 ? 'complete' : null);
        b.setCaseAttribute('jobcenter', `JC ${c}`);
        b.setEventAttribute('note', `n${t}`);
      }
      const plain = b.build();
      const shared = b.build({ shared: true });
      expect(shared).toEqual(plain);
      const columns = [shared.activity, shared.timestamp, shared.resource, shared.lifecycle, shared.caseOffsets];
      columns.push(shared.caseAttributes.get('jobcenter')!.codes, shared.eventAttributes.get('note')!.codes);
      for (const column of columns) expect(column.buffer).toBeInstanceOf(SharedArrayBuffer);
      for (const column of [plain.activity, plain.caseOffsets, plain.eventAttributes.get('note')!.codes]) {
        expect(column.buffer).not.toBeInstanceOf(SharedArrayBuffer);
      }
      // A clone (what a worker's workerData gets) reads the same memory.
      const clone = structuredClone(shared);
      shared.timestamp[0] = 99;
      expect(clone.timestamp[0]).toBe(99);
    }
  });
});

describe('groupedCaseOffsets', () => {
  const offsets = (cases: number[], times: number[], caseCount: number) =>
    groupedCaseOffsets(Uint32Array.from(cases), Float64Array.from(times), cases.length, caseCount);

  it('gives the case offsets of events grouped by case in time order (ties allowed), as orderEventsByCase does', () => {
    const cases = [0, 0, 1, 2, 2, 2];
    const times = [5, 5, 1, 0, 3, 3];
    expect(Array.from(offsets(cases, times, 3)!)).toEqual([0, 2, 3, 6]);
    expect(Array.from(offsets(cases, times, 3)!)).toEqual(
      Array.from(orderEventsByCase(Uint32Array.from(cases), Float64Array.from(times), 6, 3).offsets),
    );
    expect(Array.from(offsets([], [], 0)!)).toEqual([0]);
  });

  it('is null when a case comes back later, a case goes back in time, or the cases are not in first-seen order', () => {
    expect(offsets([0, 1, 0], [1, 1, 2], 2)).toBeNull();
    expect(offsets([0, 0, 1], [2, 1, 5], 2)).toBeNull();
    expect(offsets([1, 0], [1, 1], 2)).toBeNull();
    expect(offsets([0, 2], [1, 1], 3)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../event-log/builder';
import { traces } from '../testing/tiny-log';
import { eventInstances, eventsAreInstances, pairActivityInstances } from './activity-instances';
import { activityTimes } from './activity-times';
import { keepCompleteEvents } from './keep-complete-events';

function lifecycleLog() {
  const b = new EventLogBuilder();
  const ev = (c: string, a: string, t: number, l: string, r?: string) =>
    b.add({ caseId: c, activity: a, timestamp: t, lifecycle: l, resource: r });
  ev('c1', 'A', 0, 'start', 'ann');
  ev('c1', 'A', 10, 'start', 'bo');
  ev('c1', 'A', 15, 'complete');
  ev('c1', 'B', 20, 'schedule');
  ev('c1', 'A', 30, 'complete', 'cy');
  ev('c1', 'B', 40, 'start');
  ev('c1', 'B', 45, 'COMPLETE');
  ev('c2', 'B', 5, 'complete');
  ev('c2', 'C', 7, 'start');
  return b.build();
}

describe('pairActivityInstances', () => {
  it('pairs starts with the next complete of the same activity, FIFO', () => {
    const inst = pairActivityInstances(lifecycleLog());
    expect(Array.from(inst.caseOffsets)).toEqual([0, 3, 5]);
    const rows = Array.from(inst.activity, (a, i) => [
      inst.activities[a],
      inst.start[i],
      inst.end[i],
      inst.resources[inst.resource[i]!] ?? null,
    ]);
    expect(rows).toEqual([
      ['A', 0, 15, 'ann'],
      ['A', 10, 30, 'cy'],
      ['B', 40, 45, null],
      ['B', 5, 5, null],
      ['C', 7, 7, null],
    ]);
  });

  it('makes every event an instance (start = end) in a log without lifecycle', () => {
    const b = new EventLogBuilder();
    b.addEvent('c', 'x', 1);
    b.addEvent('c', 'y', 2);
    const inst = pairActivityInstances(b.build());
    expect(Array.from(inst.start)).toEqual([1, 2]);
    expect(Array.from(inst.end)).toEqual([1, 2]);
  });

  it('gives a log of complete events the instances pairing gives (the log columns, ties in input order)', () => {
    const events: [string, string, number, string][] = [
      ['c1', 'A', 5, 'ann'],
      ['c1', 'B', 5, 'bo'],
      ['c1', 'A', 9, 'ann'],
      ['c2', 'C', 1, 'cy'],
      ['c2', 'B', 3, 'bo'],
    ];
    const build = (extra: boolean) => {
      const b = new EventLogBuilder();
      for (const [c, a, t, r] of events) b.add({ caseId: c, activity: a, timestamp: t, lifecycle: 'complete', resource: r });
      // A schedule event makes the log go through pairing; its case has no instance.
      if (extra) b.add({ caseId: 'c3', activity: 'A', timestamp: 0, lifecycle: 'schedule' });
      return b.build();
    };
    const own = pairActivityInstances(build(false));
    const paired = pairActivityInstances(build(true));
    const rows = (inst: typeof own) =>
      Array.from(inst.activity, (a, i) => [inst.activities[a], inst.start[i], inst.end[i], inst.resources[inst.resource[i]!]]);
    expect(rows(own)).toEqual(rows(paired));
    expect(rows(own)).toEqual(events.map(([, a, t, r]) => [a, t, t, r]));
    expect(Array.from(own.caseOffsets)).toEqual([0, 3, 5]);
  });

  it('activityTimes splits processing from waiting time', () => {
    const times = activityTimes(lifecycleLog());
    const a = times.find((t) => t.activity === 'A')!;
    expect(a.processing).toMatchObject({ count: 2, mean: 17.5, min: 15, max: 20 });
    expect(a.waiting).toMatchObject({ count: 1, sum: 0 });
    const b = times.find((t) => t.activity === 'B')!;
    expect(b.instances).toBe(2);
    expect(b.waiting).toMatchObject({ count: 1, sum: 10 });
  });
});

describe('eventInstances', () => {
  it('is what pairActivityInstances gives a log of complete events in time order: its own columns, start = end', () => {
    const b = new EventLogBuilder();
    b.add({ caseId: 'c1', activity: 'A', timestamp: 0, lifecycle: 'complete', resource: 'ann' });
    b.add({ caseId: 'c1', activity: 'B', timestamp: 5 });
    b.add({ caseId: 'c2', activity: 'A', timestamp: 3 });
    const log = b.build();
    expect(eventsAreInstances(log)).toBe(true);
    const inst = eventInstances(log);
    expect(inst).toEqual(pairActivityInstances(log));
    expect(inst.activity).toBe(log.activity);
    expect(inst.start).toBe(inst.end);
  });

  it('eventsAreInstances is false where a log has start events', () => {
    expect(eventsAreInstances(lifecycleLog())).toBe(false);
  });
});

describe('keepCompleteEvents', () => {
  it('keeps complete and lifecycle-less events and drops emptied cases', () => {
    const b = new EventLogBuilder();
    b.add({ caseId: 'c1', activity: 'A', timestamp: 0, lifecycle: 'start' });
    b.add({ caseId: 'c1', activity: 'A', timestamp: 1, lifecycle: 'complete' });
    b.add({ caseId: 'c1', activity: 'B', timestamp: 2 });
    b.add({ caseId: 'c2', activity: 'S', timestamp: 0, lifecycle: 'start' });
    const log = keepCompleteEvents(b.build());
    expect(log.caseIds).toEqual(['c1']);
    expect(traces(log)).toEqual([['A', 'B']]);
    expect(log.activities).toEqual(['A', 'B']);
  });
});

import { describe, expect, it } from 'vitest';
import { InvalidLogError } from '../errors';
import { EventLogBuilder } from './builder';
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
});

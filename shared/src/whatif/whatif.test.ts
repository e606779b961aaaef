import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../event-log/builder';
import type { EventLog } from '../event-log/types';
import { MisuseError, NotFoundError } from '../errors';
import { applyChange } from './apply-change';
import { predictWhatIf } from './predict-whatif';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 2, 3);

/** Case 1: A (start d0, complete d1), B d4, C d6. Case 2: A d0, B d2, C d3, B d5, D d8 (a rework loop on B). */
function handLog(): EventLog {
  const b = new EventLogBuilder();
  b.addEvent('1', 'A', T0, 'r1', 'start');
  b.addEvent('1', 'A', T0 + DAY, 'r1', 'complete');
  b.addEvent('1', 'B', T0 + 4 * DAY, 'r2', 'complete');
  b.addEvent('1', 'C', T0 + 6 * DAY, 'r2', 'complete');
  for (const [activity, day] of [
    ['A', 0],
    ['B', 2],
    ['C', 3],
    ['B', 5],
    ['D', 8],
  ] as const) {
    b.addEvent('2', activity, T0 + day * DAY, 'r3', 'complete');
  }
  return b.build();
}

function days(log: EventLog, c: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (let e = log.caseOffsets[c]!; e < log.caseOffsets[c + 1]!; e++) {
    out.push([log.activities[log.activity[e]!]!, (log.timestamp[e]! - T0) / DAY]);
  }
  return out;
}

describe('applyChange', () => {
  it('applyChange(waitingFactor 0 on B) removes every wait before B and moves later events back', () => {
    const { log } = applyChange(handLog(), { activity: 'B', waitingFactor: 0 });
    expect(days(log, 0)).toEqual([
      ['A', 0],
      ['A', 1],
      ['B', 1],
      ['C', 3],
    ]);
    expect(days(log, 1)).toEqual([
      ['A', 0],
      ['B', 0],
      ['C', 1],
      ['B', 1],
      ['D', 4],
    ]);
  });

  it('applyChange(waitingFactor 0.5 on the edge C → B) halves only the wait after C', () => {
    const result = applyChange(handLog(), { activity: 'B', waitingFactor: 0.5, from: 'C' });
    expect(days(result.log, 0)).toEqual(days(handLog(), 0));
    expect(days(result.log, 1)).toEqual([
      ['A', 0],
      ['B', 2],
      ['C', 3],
      ['B', 4],
      ['D', 7],
    ]);
    expect(result.instancesChanged).toBe(1);
  });

  it('applyChange(processingFactor 0.5 on A) halves start-to-complete and counts the saved processing time', () => {
    const result = applyChange(handLog(), { activity: 'A', processingFactor: 0.5 });
    expect(days(result.log, 0)).toEqual([
      ['A', 0],
      ['A', 0.5],
      ['B', 3.5],
      ['C', 5.5],
    ]);
    expect(days(result.log, 1)).toEqual(days(handLog(), 1));
    expect(result.processingSavedMs).toBe(0.5 * DAY);
    expect(result.instancesChanged).toBe(2);
  });

  it('applyChange(remove B) drops B and the wait before it; later waits stay as observed', () => {
    const result = applyChange(handLog(), { activity: 'B', remove: true });
    expect(days(result.log, 0)).toEqual([
      ['A', 0],
      ['A', 1],
      ['C', 3],
    ]);
    expect(days(result.log, 1)).toEqual([
      ['A', 0],
      ['C', 1],
      ['D', 4],
    ]);
    expect(result.eventsRemoved).toBe(3);
  });

  it('applyChange(cutRework B) removes the loop back to B and moves the rest back by its span', () => {
    const result = applyChange(handLog(), { activity: 'B', cutRework: true });
    expect(days(result.log, 0)).toEqual(days(handLog(), 0));
    expect(days(result.log, 1)).toEqual([
      ['A', 0],
      ['B', 2],
      ['D', 5],
    ]);
    expect(result.eventsRemoved).toBe(2);
    expect(result.instancesChanged).toBe(1);
  });

  it('applyChange(remove the opening activity) lets the case start at its next event without a shift', () => {
    const b = new EventLogBuilder();
    b.addEvent('x', 'A', T0);
    b.addEvent('x', 'B', T0 + 2 * DAY);
    b.addEvent('x', 'C', T0 + 3 * DAY);
    b.addEvent('y', 'A', T0);
    const result = applyChange(b.build(), { activity: 'A', remove: true });
    expect(days(result.log, 0)).toEqual([
      ['B', 2],
      ['C', 3],
    ]);
    expect(Array.from(result.caseMap)).toEqual([0, -1]);
    expect(result.log.caseIds).toEqual(['x']);
  });

  it('applyChange keeps case attributes with their cases when a case disappears', () => {
    const b = new EventLogBuilder();
    b.add({ caseId: 'x', activity: 'A', timestamp: T0, caseAttributes: { jobcenter: 'Nord' } });
    b.add({ caseId: 'y', activity: 'B', timestamp: T0, caseAttributes: { jobcenter: 'Syd' } });
    const { log } = applyChange(b.build(), { activity: 'A', remove: true });
    const column = log.caseAttributes.get('jobcenter')!;
    expect(column.values[column.codes[0]!]).toBe('Syd');
  });

  it('applyChange refuses an unknown activity, two kinds at once and a negative factor', () => {
    expect(() => applyChange(handLog(), { activity: 'Z', remove: true })).toThrow(NotFoundError);
    expect(() => applyChange(handLog(), { activity: 'B', remove: true, waitingFactor: 0 })).toThrow(/exactly one/);
    expect(() => applyChange(handLog(), { activity: 'B', waitingFactor: -1 })).toThrow(MisuseError);
    expect(() => applyChange(handLog(), { activity: 'B', processingFactor: 0.5, from: 'A' })).toThrow(/from names an edge/);
  });
});

describe('predictWhatIf', () => {
  it('predictWhatIf(remove B) gives the hand-computed throughput times of the finished cases', () => {
    const p = predictWhatIf(handLog(), { activity: 'B', remove: true }, { closedBy: ['C', 'D'], resamples: 50 });
    expect(p.cases).toBe(2);
    expect(Array.from(p.beforeMs, (ms) => ms / DAY)).toEqual([6, 8]);
    expect(Array.from(p.afterMs, (ms) => ms / DAY)).toEqual([3, 4]);
    expect(p.before.median.value / DAY).toBe(7);
    expect(p.after.median.value / DAY).toBe(3.5);
    expect(p.medianChange.value / DAY).toBe(-3.5);
    expect(p.after.p90.value / DAY).toBeCloseTo(3.9, 10);
    expect(p.medianChange.low).toBeLessThanOrEqual(p.medianChange.value);
    expect(p.medianChange.high).toBeGreaterThanOrEqual(p.medianChange.value);
  });

  it('predictWhatIf compares only finished cases and gives the same interval for the same seed', () => {
    const p = predictWhatIf(handLog(), { activity: 'B', waitingFactor: 0 }, { closedBy: ['D'], resamples: 50, seed: 7 });
    expect(p.cases).toBe(1);
    expect(Array.from(p.caseIndices)).toEqual([1]);
    expect(p.after.median.value / DAY).toBe(4);
    const again = predictWhatIf(handLog(), { activity: 'B', waitingFactor: 0 }, { closedBy: ['D'], resamples: 50, seed: 7 });
    expect(again.medianChange).toEqual(p.medianChange);
  });
});

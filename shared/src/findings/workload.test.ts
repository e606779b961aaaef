import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../event-log/builder';
import { pairActivityInstances } from '../lifecycle/activity-instances';
import { quantileInPlace } from '../statistics/select-quantile';
import { seededRandom } from '../statistics/seeded-random';
import { bootstrapMedianDifference } from './intervals';
import { collectTransitions } from './transitions';
import { indexInstances, weekNumber, workloadAround } from './workload';
import { activityResourceCounts } from './workload-index';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1); // a Monday

function instancesOf(events: [string, string, number, string][]) {
  const b = new EventLogBuilder();
  for (const [c, activity, day, resource] of events) b.addEvent(c, activity, T0 + day * DAY, resource, null);
  return pairActivityInstances(b.build());
}

describe('indexInstances', () => {
  it('puts each end in the week weekNumber gives, at the edges of weeks and across a new year', () => {
    // Sunday 23:59:59.999, Monday 00:00, a Thursday, 31 December and 1 January (UTC), by one caseworker.
    const ends = [T0 - 1, T0, T0 + 3 * DAY + 1, Date.UTC(2024, 11, 31, 12), Date.UTC(2025, 0, 1)];
    const b = new EventLogBuilder();
    ends.forEach((ms, i) => b.addEvent(`c${i}`, 'A', ms, 'w', null));
    const inst = pairActivityInstances(b.build());
    const index = indexInstances(inst);
    const got: [number, number][] = [];
    index.counts.forEach((key, n) => got.push([(key % index.weeks) + index.firstWeek, n]));
    const want = new Map<number, number>();
    for (const ms of ends) want.set(weekNumber(ms), (want.get(weekNumber(ms)) ?? 0) + 1);
    expect(got).toEqual([...want]);
    expect(got.map(([, n]) => n)).toEqual([1, 2, 2]);
  });

  it('takes the (activity, resource) counts it is given: the same index as counting them', () => {
    const inst = instancesOf([
      ['1', 'A', 0, 'x'],
      ['1', 'B', 2, 'w1'],
      ['2', 'B', 8, 'w2'],
      ['2', 'B', 9, 'w1'],
    ]);
    const doers = activityResourceCounts(inst);
    const counted: [string, string, number][] = [];
    doers.forEach((key, n) =>
      counted.push([inst.activities[Math.floor(key / inst.resources.length)]!, inst.resources[key % inst.resources.length]!, n]),
    );
    expect(counted).toEqual([
      ['A', 'x', 1],
      ['B', 'w1', 2],
      ['B', 'w2', 1],
    ]);
    expect(indexInstances(inst, doers)).toEqual(indexInstances(inst));
  });
});

describe('workloadAround', () => {
  const inst = instancesOf([
    ['1', 'A', 0, 'x'],
    ['1', 'B', 2, 'w1'],
    ['1', 'C', 3, 'w1'],
    ['2', 'A', 1, 'x'],
    ['2', 'B', 8, 'w2'],
    ['3', 'A', 7, 'x'],
    ['3', 'B', 9, 'w1'],
  ]);
  const tr = collectTransitions(inst);
  const a = inst.activities.indexOf('A');
  const b = inst.activities.indexOf('B');
  const edge = [...tr.edgeFrom].findIndex((from, x) => from === a && tr.edgeTo[x] === b);

  it('counts open cases, events per caseworker and the median wait per week', () => {
    const w = workloadAround(tr, edge, inst);
    expect(w.caseworkers).toBe(2);
    expect(w.weeks).toEqual([
      { weekStart: T0, openCases: 2, eventsPerCaseworker: 2, medianWaitMs: 4.5 * DAY },
      { weekStart: T0 + 7 * DAY, openCases: 2, eventsPerCaseworker: 1, medianWaitMs: 2 * DAY },
    ]);
  });

  it('gives the same answer with an index built once for several edges', () => {
    const index = indexInstances(inst);
    expect(workloadAround(tr, edge, inst, index)).toEqual(workloadAround(tr, edge, inst));
    const counted: [string, number, number][] = [];
    index.counts.forEach((key, n) =>
      counted.push([inst.resources[Math.floor(key / index.weeks)]!, (key % index.weeks) + index.firstWeek, n]),
    );
    const week = weekNumber(T0);
    expect(counted).toEqual([
      ['x', week, 2],
      ['w1', week, 2],
      ['w2', week + 1, 1],
      ['x', week + 1, 1],
      ['w1', week + 1, 1],
    ]);
  });
});

describe('bootstrapMedianDifference', () => {
  /** The resampling as first written: draw the values, then select their medians. */
  function reference(xa: Float64Array, xb: Float64Array, resamples: number, seed: number): { low: number; high: number } {
    const random = seededRandom(seed);
    const diffs = new Float64Array(resamples);
    const ra = new Float64Array(xa.length);
    const rb = new Float64Array(xb.length);
    for (let r = 0; r < resamples; r++) {
      for (let i = 0; i < ra.length; i++) ra[i] = xa[Math.floor(random() * xa.length)]!;
      for (let i = 0; i < rb.length; i++) rb[i] = xb[Math.floor(random() * xb.length)]!;
      diffs[r] = quantileInPlace(rb, 0.5).value - quantileInPlace(ra, 0.5).value;
    }
    diffs.sort();
    const at = (q: number) => diffs[Math.round(q * (resamples - 1))]!;
    return { low: at(0.025), high: at(0.975) };
  }

  it('equals drawing the values and selecting their medians, with ties and odd and even sizes', () => {
    const random = seededRandom(3);
    for (let t = 0; t < 40; t++) {
      const a = Float64Array.from({ length: 1 + (t % 9) }, () => Math.floor(random() * 5) * 1.5).sort();
      const b = Float64Array.from({ length: 2 + ((t * 7) % 13) }, () => Math.floor(random() * 1000) * 0.25).sort();
      expect(bootstrapMedianDifference(a, b, { resamples: 99, seed: t })).toEqual(reference(a, b, 99, t));
    }
  });
});

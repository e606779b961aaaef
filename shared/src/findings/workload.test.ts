import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../event-log/builder';
import { pairActivityInstances } from '../lifecycle/activity-instances';
import { quantileInPlace } from '../statistics/select-quantile';
import { seededRandom } from '../statistics/seeded-random';
import { bootstrapMedianDifference } from './intervals';
import { collectTransitions } from './transitions';
import { indexInstances, weekNumber, workloadAround } from './workload';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1); // a Monday

function instancesOf(events: [string, string, number, string][]) {
  const b = new EventLogBuilder();
  for (const [c, activity, day, resource] of events) b.addEvent(c, activity, T0 + day * DAY, resource, null);
  return pairActivityInstances(b.build());
}

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

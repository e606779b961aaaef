import { describe, expect, it } from 'vitest';
import type { CompiledJobcenter } from './compile-process';
import { plantInCase, type CompiledPlant } from './plant-change';
import { CaseTrace } from './simulate-case';

const NORD = { name: 'Nord' } as CompiledJobcenter;
const SYD = { name: 'Syd' } as CompiledJobcenter;
const HOUR = 3600;

function trace(steps: Array<[number, number]>): CaseTrace {
  const t = new CaseTrace();
  steps.forEach(([activity, pos], i) => {
    t.activity[i] = activity;
    t.pos[i] = pos;
    t.actor[i] = `w${i}`;
  });
  t.length = steps.length;
  return t;
}

const steps = (t: CaseTrace) => Array.from({ length: t.length }, (_, i) => [t.activity[i], t.pos[i]]);

function plant(change: Partial<CompiledPlant['change']>): CompiledPlant {
  return { change: { jobcenter: 'Nord', from: '2025-07-01', activity: 'B', ...change }, jobcenter: 'Nord', fromDay: 100, activity: 1 };
}

describe('plantInCase', () => {
  it('plantInCase(waitingFactor 0.5) halves each wait before the activity and moves later events back', () => {
    const t = trace([
      [0, 0],
      [1, 10 * HOUR],
      [2, 12 * HOUR],
      [1, 20 * HOUR],
      [3, 30 * HOUR],
    ]);
    expect(plantInCase(plant({ waitingFactor: 0.5 }), NORD, 100, t)).toBe(true);
    expect(steps(t)).toEqual([
      [0, 0],
      [1, 5 * HOUR],
      [2, 7 * HOUR],
      [1, 11 * HOUR],
      [3, 21 * HOUR],
    ]);
  });

  it('plantInCase(stopRework) removes the loop back to the activity and keeps a minute between events', () => {
    const t = trace([
      [0, 0],
      [1, 10 * HOUR],
      [2, 12 * HOUR],
      [1, 20 * HOUR],
      [3, 30 * HOUR],
    ]);
    expect(plantInCase(plant({ stopRework: true }), NORD, 100, t)).toBe(true);
    expect(steps(t)).toEqual([
      [0, 0],
      [1, 10 * HOUR],
      [3, 20 * HOUR],
    ]);
    expect(t.actor.slice(0, 3)).toEqual(['w0', 'w1', 'w4']);
  });

  it('plantInCase leaves other jobcenters and cases that start before the date alone', () => {
    const t = trace([
      [0, 0],
      [1, 10 * HOUR],
    ]);
    expect(plantInCase(plant({ waitingFactor: 0.5 }), SYD, 100, t)).toBe(false);
    expect(plantInCase(plant({ waitingFactor: 0.5 }), NORD, 99, t)).toBe(false);
    expect(steps(t)).toEqual([
      [0, 0],
      [1, 10 * HOUR],
    ]);
  });
});

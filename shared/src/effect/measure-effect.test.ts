import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../event-log/builder';
import type { EventLog } from '../event-log/types';
import { MisuseError } from '../errors';
import { seededRandom } from '../statistics/seeded-random';
import { measureEffect } from './measure-effect';

const DAY = 86_400_000;
const CHANGE = Date.UTC(2025, 5, 1);

interface Plan {
  /** First case start and number of cases (one a day, alternating treated and control). */
  from: number;
  cases: number;
  /** Factor on the A → B wait of treated cases that start on or after CHANGE. */
  factor: number;
  seed: number;
}

/** Cases A → B → C; the A → B wait is 10 days ± noise, C follows B after 2 days. */
function plannedLog(plan: Plan): { log: EventLog; treated: Uint8Array } {
  const random = seededRandom(plan.seed);
  const b = new EventLogBuilder();
  const treated = new Uint8Array(plan.cases);
  for (let i = 0; i < plan.cases; i++) {
    const start = plan.from + i * DAY;
    treated[i] = i % 2;
    const changed = treated[i] === 1 && start >= CHANGE;
    const wait = (8 + 4 * random()) * DAY * (changed ? plan.factor : 1);
    b.addEvent(`c${i}`, 'A', start);
    b.addEvent(`c${i}`, 'B', start + wait);
    b.addEvent(`c${i}`, 'C', start + wait + 2 * DAY);
  }
  return { log: b.build(), treated };
}

describe('measureEffect', () => {
  it('measureEffect(A → B wait halved in the treated group) finds about −5 days with the truth inside its interval', () => {
    const { log, treated } = plannedLog({ from: CHANGE - 200 * DAY, cases: 400, factor: 0.5, seed: 3 });
    const effect = measureEffect(log, { changeAt: CHANGE, treated, closedBy: ['C'], seed: 1 });
    expect(effect.method).toBe('adjacent-period');
    const wait = effect.metrics.find((m) => m.metric === 'waiting' && m.key === 'A → B')!;
    expect(wait.treated.beforeCount).toBe(100);
    expect(wait.treated.afterCount).toBe(100);
    expect(wait.detected).toBe(true);
    expect(wait.difference!.low).toBeLessThan(-5 * DAY);
    expect(wait.difference!.high).toBeGreaterThan(-5 * DAY);
    const throughput = effect.metrics.find((m) => m.metric === 'throughput')!;
    expect(throughput.difference!.value).toBeLessThan(-4 * DAY);
    const unchanged = effect.metrics.find((m) => m.key === 'B → C')!;
    expect(unchanged.detected).toBe(false);
  });

  it('measureEffect(nothing planted) raises at most the expected share of false alarms over 20 seeds', () => {
    let alarms = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { log, treated } = plannedLog({ from: CHANGE - 200 * DAY, cases: 400, factor: 1, seed });
      const effect = measureEffect(log, { changeAt: CHANGE, treated, closedBy: ['C'], seed, resamples: 200 });
      if (effect.metrics.find((m) => m.key === 'A → B')!.detected) alarms++;
    }
    expect(alarms).toBeLessThanOrEqual(3);
  });

  it('measureEffect compares with the same months a year earlier when the log covers them', () => {
    const { log } = plannedLog({ from: CHANGE - 400 * DAY, cases: 500, factor: 1, seed: 5 });
    const effect = measureEffect(log, { changeAt: CHANGE, resamples: 50 });
    expect(effect.method).toBe('same-months-previous-year');
    expect(effect.before.from).toBe(Date.UTC(2024, 5, 1));
    expect(effect.after.to - effect.after.from).toBe(99 * DAY);
    const throughput = effect.metrics.find((m) => m.metric === 'throughput')!;
    expect(throughput.control).toBeNull();
    expect(throughput.difference).toBeNull();
  });

  it('measureEffect compares compliance rates from per-case rule outcomes', () => {
    const { log, treated } = plannedLog({ from: CHANGE - 100 * DAY, cases: 200, factor: 1, seed: 2 });
    // Before the change every other treated case (c % 4 === 1) violates R1; after it none does.
    const status = new Uint8Array(200).map((_, c) => (c < 100 && c % 4 === 1 ? 2 : 1));
    const effect = measureEffect(log, { changeAt: CHANGE, treated, rules: [{ id: 'R1', status }], resamples: 100 });
    const rule = effect.metrics.find((m) => m.metric === 'compliance')!;
    expect(rule.key).toBe('R1');
    expect(rule.treated.before).toBeCloseTo(25 / 50, 12); // odd cases 1..99 of the 99-day before period
    expect(rule.treated.after).toBe(1);
    expect(rule.control!.before).toBe(1);
    expect(rule.difference!.value).toBeCloseTo(0.5, 12);
    expect(rule.detected).toBe(true);
  });

  it('measureEffect refuses a change date outside the log', () => {
    const { log } = plannedLog({ from: CHANGE - 10 * DAY, cases: 5, factor: 1, seed: 1 });
    expect(() => measureEffect(log, { changeAt: CHANGE })).toThrow(MisuseError);
    expect(() => measureEffect(log, { changeAt: CHANGE - 20 * DAY })).toThrow(/no case starts before/);
  });
});

import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../event-log/builder';
import { selectCases } from '../event-log/select';
import { pairActivityInstances } from '../lifecycle/activity-instances';
import { automationScores } from './automation';
import { findingsSettings } from './settings';
import { activityResourceCounts } from './workload-index';

const HOUR = 3_600_000;

/** Ten cases A, B, then C (kind x, caseworker r0) or D (kind y, caseworker r1). */
function log() {
  const b = new EventLogBuilder();
  for (let i = 0; i < 10; i++) {
    const id = `c${i}`;
    const r = i < 5 ? 'r0' : 'r1';
    b.addEvent(id, 'A', i * HOUR, r, null);
    b.setCaseAttribute('kind', i < 5 ? 'x' : 'y');
    b.addEvent(id, 'B', i * HOUR + 1, r, null);
    b.addEvent(id, i < 5 ? 'C' : 'D', i * HOUR + 2, r, null);
  }
  return b.build();
}

describe('automationScores', () => {
  it('an attribute with one code in every case changes no score: B is rule-like 1 with or without it', () => {
    const five = selectCases(
      log(),
      Uint8Array.from({ length: 10 }, (_, c) => (c < 5 ? 1 : 0)),
    );
    expect(five.caseAttributes.get('kind')!.values).toEqual(['x', 'y']);
    const without = { ...five, caseAttributes: new Map() };
    const settings = findingsSettings();
    const scores = automationScores(five, pairActivityInstances(five), settings, 1);
    expect(scores).toEqual(automationScores(without, pairActivityInstances(without), settings, 1));
    expect(scores.find((s) => s.activity === 'B')!.parts.find((p) => p.name === 'ruleLike')!.value).toBe(1);
  });

  it('reads the (activity, resource) counts it is given: the same scores as counting them itself', () => {
    const l = log();
    const inst = pairActivityInstances(l);
    const settings = findingsSettings();
    const given = automationScores(l, inst, settings, 1, activityResourceCounts(inst));
    expect(given).toEqual(automationScores(l, inst, settings, 1));
    expect(given.find((s) => s.activity === 'B')!.caseworkers).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { MINUTE, tinyLog } from '../testing/tiny-log';
import { variantKey } from '../variants/variant-key';
import { activityStatistics } from './activity-statistics';
import { caseStatistics } from './case-statistics';

const log = tinyLog('c1: a@0 b@10 b@12 a@30; c2: a@5 c@65');

describe('caseStatistics', () => {
  it('gives start, end, duration, events and variant key per case', () => {
    const [c1, c2] = caseStatistics(log);
    expect(c1).toMatchObject({ caseId: 'c1', events: 4, durationMs: 30 * MINUTE, closed: true });
    expect(c1!.variantKey).toBe(variantKey(['a', 'b', 'b', 'a']));
    expect(c2!.start).toBe(c2!.end - 60 * MINUTE);
  });

  it('closedBy marks cases whose last activity is not a closing one as open', () => {
    expect(caseStatistics(log, { closedBy: ['c'] }).map((c) => c.closed)).toEqual([false, true]);
  });
});

describe('activityStatistics', () => {
  it('counts events, cases, repeats and self-loops per activity', () => {
    expect(activityStatistics(log)).toEqual([
      { activity: 'a', events: 3, cases: 2, repeats: 1, selfLoops: 0 },
      { activity: 'b', events: 2, cases: 1, repeats: 1, selfLoops: 1 },
      { activity: 'c', events: 1, cases: 1, repeats: 0, selfLoops: 0 },
    ]);
  });
});

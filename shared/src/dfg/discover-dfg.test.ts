import { describe, expect, it } from 'vitest';
import { MINUTE, tinyLog } from '../testing/tiny-log';
import { discoverDfg } from './discover-dfg';

const edge = (dfg: ReturnType<typeof discoverDfg>, from: string, to: string) => dfg.edges.find((e) => e.from === from && e.to === to);

describe('discoverDfg', () => {
  const log = tinyLog('c1: a@0 b@10 c@30; c2: a@0 b@20 b@25 c@26; c3: a@0 c@60');

  it('counts transitions and distinct cases per edge', () => {
    const dfg = discoverDfg(log);
    expect(dfg.edges.map((e) => [e.from, e.to, e.count, e.cases])).toEqual([
      ['a', 'b', 2, 2],
      ['b', 'c', 2, 2],
      ['a', 'c', 1, 1],
      ['b', 'b', 1, 1],
    ]);
  });

  it('gives exact duration stats in ms per edge', () => {
    const ab = edge(discoverDfg(log), 'a', 'b')!;
    expect(ab.duration).toMatchObject({
      count: 2,
      sum: 30 * MINUTE,
      mean: 15 * MINUTE,
      median: 15 * MINUTE,
      min: 10 * MINUTE,
      max: 20 * MINUTE,
    });
    expect(ab.duration.p90).toBeCloseTo(19 * MINUTE, 6);
    expect(edge(discoverDfg(log), 'b', 'c')!.duration.median).toBe(10.5 * MINUTE);
  });

  it('counts start and end activities and activity events and cases', () => {
    const dfg = discoverDfg(log);
    expect([...dfg.startActivities]).toEqual([['a', 3]]);
    expect([...dfg.endActivities]).toEqual([['c', 3]]);
    expect(dfg.activityCounts.get('b')).toBe(3);
    expect(dfg.activityCases.get('b')).toBe(2);
    expect(dfg.caseCount).toBe(3);
  });

  it('counts a repeated pair in one case once in cases', () => {
    const dfg = discoverDfg(tinyLog('c: a b a b a b'));
    expect(edge(dfg, 'a', 'b')).toMatchObject({ count: 3, cases: 1 });
    expect(edge(dfg, 'b', 'a')).toMatchObject({ count: 2, cases: 1 });
  });

  it('gives an empty graph for an empty log', () => {
    const dfg = discoverDfg(tinyLog(''));
    expect(dfg.edges).toEqual([]);
    expect(dfg.startActivities.size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { MisuseError } from '../errors';
import type { ProcessMap } from '../map/process-map';
import { STEP_END as E, STEP_START as S } from '../steps/types';
import { simplifyMap } from './simplify-map';

const edge = (from: string, to: string, count: number, sumSeconds = 0) => ({ from, to, count, cases: count, sumSeconds });
const map: ProcessMap = {
  nodes: [
    { activity: S, count: 10, cases: 10 },
    { activity: 'A', count: 10, cases: 10 },
    { activity: 'B', count: 11, cases: 8 },
    { activity: 'C', count: 2, cases: 2 },
    { activity: 'D', count: 10, cases: 10 },
    { activity: E, count: 10, cases: 10 },
  ],
  edges: [
    edge(S, 'A', 10),
    edge('A', 'B', 8, 80),
    edge('A', 'C', 2, 20),
    edge('B', 'D', 8, 8),
    edge('C', 'D', 2, 40),
    edge('D', E, 10),
    edge('B', 'B', 3, 3),
  ],
};
const pairs = (m: ProcessMap) => m.edges.map((e) => `${e.from}>${e.to}:${e.count}`).sort();

describe('simplifyMap', () => {
  it('keepActivities ranks the given activities first: 75% then keeps C and drops D (the last of the ties at 10 events)', () => {
    const kept = simplifyMap(map, { activityPercent: 75, pathPercent: 100, keepActivities: ['C'] });
    expect(kept.nodes.map((n) => n.activity)).toContain('C');
    expect(
      kept.nodes
        .map((n) => n.activity)
        .filter((a) => a !== S && a !== E)
        .sort(),
    ).toEqual(['A', 'B', 'C']);
  });

  it('100% / 100% keeps every node and edge unchanged', () => {
    const out = simplifyMap(map, { activityPercent: 100, pathPercent: 100 });
    expect(pairs(out)).toEqual(pairs(map));
    expect(out.nodes.length).toBe(6);
  });

  it('75% activities drops C and reroutes A>C>D as an abstracted A>D edge with summed means', () => {
    const out = simplifyMap(map, { activityPercent: 75, pathPercent: 100 });
    expect(out.nodes.map((n) => n.activity)).toEqual([S, 'A', 'B', 'D', E]);
    const ad = out.edges.find((e) => e.from === 'A' && e.to === 'D')!;
    expect(ad).toMatchObject({ count: 2, cases: 2, sumSeconds: 60, abstracted: true });
    expect(out.edges.filter((e) => e.abstracted).length).toBe(1);
    expect(pairs(out)).toEqual([`${S}>A:10`, 'A>B:8', 'A>D:2', 'B>B:3', 'B>D:8', `D>${E}:10`].sort());
  });

  it('0% paths keeps the strongest edges that connect every activity from START to END', () => {
    const out = simplifyMap(map, { activityPercent: 100, pathPercent: 0 });
    expect(pairs(out)).toEqual([`${S}>A:10`, 'A>B:8', 'A>C:2', 'B>D:8', 'C>D:2', `D>${E}:10`].sort());
  });

  it('60% paths keeps the 5 strongest (the self-loop B>B included) plus the repair edges', () => {
    expect(simplifyMap(map, { activityPercent: 100, pathPercent: 60 }).edges.length).toBe(7);
  });

  it('0% activities keeps the most frequent activity B, connected through abstracted edges', () => {
    const out = simplifyMap(map, { activityPercent: 0, pathPercent: 0 });
    expect(out.nodes.map((n) => n.activity)).toEqual([S, 'B', E]);
    // C, then D, then A are eliminated: S>A>B becomes S>B (8 of A's 10 leave to B, 10 s each)
    expect(pairs(out)).toEqual([`${S}>B:8`, `B>${E}:8`].sort());
    expect(out.edges.find((e) => e.from === S)!.sumSeconds).toBe(80);
  });

  it('is deterministic and does not modify its input', () => {
    const before = JSON.stringify(map);
    expect(simplifyMap(map, { activityPercent: 50, pathPercent: 30 })).toEqual(simplifyMap(map, { activityPercent: 50, pathPercent: 30 }));
    expect(JSON.stringify(map)).toBe(before);
  });

  it('rejects a percent outside 0..100 with MisuseError naming the option', () => {
    expect(() => simplifyMap(map, { activityPercent: 140, pathPercent: 0 })).toThrow(MisuseError);
    expect(() => simplifyMap(map, { activityPercent: 50, pathPercent: -1 })).toThrow(/pathPercent.*-1/);
  });
});

import { describe, expect, it } from 'vitest';
import { tinyNet } from '../testing/tiny-net';
import { replayLog, replayTrace } from './token-replay';

const SEQUENCE = tinyNet('a: i -> p1; b: p1 -> p2; c: p2 -> o');
const PARALLEL = tinyNet('a: i -> p1,p2; b: p1 -> p3; c: p2 -> p4; d: p3,p4 -> o');
const LOOP = tinyNet('a: i -> p1; b: p1 -> p2; tau: p2 -> p1; c: p2 -> o');
const SILENT_BRANCH = tinyNet('a: i -> p1; b: p1 -> p2; tau: p1 -> p2; c: p2 -> o');

describe('replayTrace: hand-counted tokens', () => {
  it('a fitting trace: p = c = 4 for a b c, nothing missing or left, fitness 1', () => {
    expect(replayTrace(SEQUENCE, ['a', 'b', 'c'])).toEqual({
      produced: 4,
      consumed: 4,
      missing: 0,
      remaining: 0,
      fitness: 1,
      fits: true,
    });
  });

  it('a skipped task: a c -> p 3, c 3, m 1, r 1, fitness 2/3', () => {
    const r = replayTrace(SEQUENCE, ['a', 'c']);
    expect(r).toMatchObject({ produced: 3, consumed: 3, missing: 1, remaining: 1, fits: false });
    expect(r.fitness).toBeCloseTo(2 / 3, 12);
  });

  it('parallel branches in either order fit; a missing branch -> p 5, c 5, m 1, r 1, fitness 0.8', () => {
    expect(replayTrace(PARALLEL, ['a', 'b', 'c', 'd']).fits).toBe(true);
    expect(replayTrace(PARALLEL, ['a', 'c', 'b', 'd']).fits).toBe(true);
    const r = replayTrace(PARALLEL, ['a', 'b', 'd']);
    expect(r).toMatchObject({ produced: 5, consumed: 5, missing: 1, remaining: 1 });
    expect(r.fitness).toBeCloseTo(0.8, 12);
  });

  it('fires silent transitions when that enables the next task: a loop and a silent branch fit', () => {
    expect(replayTrace(LOOP, ['a', 'b', 'b', 'b', 'c'])).toMatchObject({ fits: true, produced: 8, consumed: 8 });
    expect(replayTrace(SILENT_BRANCH, ['a', 'c'])).toMatchObject({ fits: true, produced: 4, consumed: 4 });
  });

  it('an activity the model does not know counts one missing and one remaining token', () => {
    const r = replayTrace(SEQUENCE, ['a', 'x', 'b', 'c']);
    expect(r).toMatchObject({ produced: 5, consumed: 5, missing: 1, remaining: 1, fits: false });
  });
});

describe('replayLog', () => {
  it('sums tokens over cases: [a b c x3, a c x1] -> ½(1 - 1/15) + ½(1 - 1/15), 75 % fitting', () => {
    const r = replayLog(SEQUENCE, [
      { activities: ['a', 'b', 'c'], cases: 3 },
      { activities: ['a', 'c'], cases: 1 },
    ]);
    expect(r.logFitness).toBeCloseTo(1 - 1 / 15, 12);
    expect(r.fittingTracesPct).toBe(75);
  });

  it('gives null figures for an empty log', () => {
    expect(replayLog(SEQUENCE, [])).toMatchObject({ logFitness: null, fittingTracesPct: null });
  });
});

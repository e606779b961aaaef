import { describe, expect, it } from 'vitest';
import { tinyNet } from '../testing/tiny-net';
import { createAligner } from './aligner';
import { alignLog } from './align-log';
import { alignTrace } from './align-trace';
import { indexNet } from './net-index';

const SEQUENCE = tinyNet('a: i -> p1; b: p1 -> p2; c: p2 -> o');
const PARALLEL = tinyNet('a: i -> p1,p2; b: p1 -> p3; c: p2 -> p4; d: p3,p4 -> o');
const LOOP = tinyNet('a: i -> p1; b: p1 -> p2; tau: p2 -> p1; c: p2 -> o');
const SILENT_BRANCH = tinyNet('a: i -> p1; b: p1 -> p2; tau: p1 -> p2; c: p2 -> o');

const cost = (aligner: ReturnType<typeof createAligner>, trace: string) => {
  const result = aligner.align(trace.split(' ').filter(Boolean));
  if (result.status !== 'aligned') throw new Error('not aligned');
  return result.cost;
};

describe('createAligner / alignTrace: hand-worked costs', () => {
  it('sequence a b c: shortest run 3; a fitting trace costs 0 and has fitness 1', () => {
    const aligner = createAligner(SEQUENCE);
    expect(aligner.shortestRun).toBe(3);
    expect(cost(aligner, 'a b c')).toBe(0);
    expect(aligner.traceFitness(['a', 'b', 'c'])).toBe(1);
  });

  it('a skipped task costs 1 model move: a c -> fitness 1 - 1/(2+3) = 0.8', () => {
    const aligner = createAligner(SEQUENCE);
    const result = aligner.align(['a', 'c']);
    expect(result).toMatchObject({
      status: 'aligned',
      cost: 1,
      moves: [
        { kind: 'sync', activity: 'a' },
        { kind: 'model', activity: 'b' },
        { kind: 'sync', activity: 'c' },
      ],
    });
    expect(aligner.traceFitness(['a', 'c'])).toBeCloseTo(0.8, 12);
  });

  it('a task in the wrong place costs 2: a c b -> fitness 1 - 2/6', () => {
    const aligner = createAligner(SEQUENCE);
    expect(cost(aligner, 'a c b')).toBe(2);
    expect(aligner.traceFitness(['a', 'c', 'b'])).toBeCloseTo(2 / 3, 12);
  });

  it('a repeated task costs 1 log move: a b b c -> fitness 1 - 1/7', () => {
    const aligner = createAligner(SEQUENCE);
    const result = aligner.align(['a', 'b', 'b', 'c']);
    expect(result.status === 'aligned' && result.moves.filter((m) => m.kind === 'log')).toEqual([{ kind: 'log', activity: 'b' }]);
    expect(aligner.traceFitness(['a', 'b', 'b', 'c'])).toBeCloseTo(6 / 7, 12);
  });

  it('an activity the model does not know is a log move; the empty trace costs the shortest run', () => {
    const aligner = createAligner(SEQUENCE);
    expect(cost(aligner, 'a x b c')).toBe(1);
    expect(cost(aligner, '')).toBe(3);
    expect(aligner.traceFitness([])).toBe(0);
  });

  it('parallel branches fit in either order; a missing branch costs 1', () => {
    const aligner = createAligner(PARALLEL);
    expect(aligner.shortestRun).toBe(4);
    expect(cost(aligner, 'a b c d')).toBe(0);
    expect(cost(aligner, 'a c b d')).toBe(0);
    expect(cost(aligner, 'a b d')).toBe(1);
    expect(cost(aligner, 'b a c d')).toBe(2);
  });

  it('a loop fits any number of repetitions; skipping its body costs 1', () => {
    const aligner = createAligner(LOOP);
    expect(aligner.shortestRun).toBe(3);
    expect(cost(aligner, 'a b b b c')).toBe(0);
    expect(cost(aligner, 'a c')).toBe(1);
    expect(cost(aligner, 'a b c b')).toBe(1);
  });

  it('a silent branch makes the task optional: shortest run 2, a c fits, a b b c costs 1', () => {
    const aligner = createAligner(SILENT_BRANCH);
    expect(aligner.shortestRun).toBe(2);
    expect(cost(aligner, 'a c')).toBe(0);
    expect(cost(aligner, 'a b c')).toBe(0);
    expect(aligner.traceFitness(['a', 'b', 'b', 'c'])).toBeCloseTo(1 - 1 / 6, 12);
  });

  it('aligns each distinct trace once (cached)', () => {
    const aligner = createAligner(SEQUENCE);
    expect(aligner.align(['a', 'c'])).toBe(aligner.align(['a', 'c']));
  });

  it('reports a trace over the search budget as budget-exceeded, never with a cost', () => {
    const result = alignTrace(indexNet(PARALLEL), ['d', 'c', 'b', 'a', 'x', 'y'], 3);
    expect(result.status).toBe('budget-exceeded');
    expect(result).not.toHaveProperty('cost');
    const aligner = createAligner(PARALLEL, { budget: 3 });
    expect(aligner.traceFitness(['d', 'c', 'b', 'a', 'x', 'y'])).toBeNull();
  });
});

describe('alignLog', () => {
  it('sums costs over cases: [a b c x3, a c x1] -> log fitness 1 - 1/23, mean 0.95, 75 % fitting', () => {
    const result = alignLog(createAligner(SEQUENCE), [
      { activities: ['a', 'b', 'c'], cases: 3 },
      { activities: ['a', 'c'], cases: 1 },
    ]);
    expect(result.logFitness).toBeCloseTo(1 - 1 / 23, 12);
    expect(result.averageTraceFitness).toBeCloseTo(0.95, 12);
    expect(result.fittingTracesPct).toBe(75);
    expect(result.activities).toEqual([{ activity: 'b', logMoves: 0, modelMoves: 1 }]);
    expect(result.cases).toBe(4);
  });

  it('leaves variants over budget out of the figures and counts them apart', () => {
    const result = alignLog(createAligner(PARALLEL, { budget: 5 }), [
      { activities: ['a', 'b', 'c', 'd'], cases: 2 },
      { activities: ['d', 'c', 'b', 'a', 'x', 'y'], cases: 5 },
    ]);
    expect(result).toMatchObject({ cases: 7, alignedCases: 2, budgetExceededVariants: 1, budgetExceededCases: 5 });
    expect(result.logFitness).toBe(1);
  });
});

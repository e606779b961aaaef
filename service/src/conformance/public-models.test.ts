import { describe, expect, it } from 'vitest';
import { discoverVariants, keepCompleteEvents, type EventLog } from '@sagsflow/shared';
import { loadLogInMemory } from '../cli/load-log';
import { conformanceReport } from './conformance-report';
import { loadModel } from './load-model';

const DATA = new URL('../../../tests/data/', import.meta.url).pathname;

async function logOf(file: string): Promise<EventLog> {
  return keepCompleteEvents((await loadLogInMemory(DATA + file)).log);
}

/** Length of the longest common subsequence: for a model that is one strict sequence, cost = |t| + |m| - 2 LCS. */
function lcs(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = up;
    }
  }
  return row[b.length]!;
}

describe('public logs on their reference models (tests/data)', () => {
  it('the receipt log fits receipt.bpmn perfectly: fitness 1, 100 % fitting, by alignments and token replay', async () => {
    const report = conformanceReport(await logOf('receipt.csv.gz'), await loadModel(DATA + 'receipt.bpmn'));
    expect(report.json.model).toEqual({ tasks: 27, places: 92, transitions: 123 });
    expect(report.json.alignments).toEqual({ logFitness: 1, averageTraceFitness: 1, fittingTracesPct: 100 });
    expect(report.json.tokenReplay).toEqual({ logFitness: 1, fittingTracesPct: 100 });
    expect(report.cases).toBe(1434);
    expect(report.alignment.budgetExceededVariants).toBe(0);
    expect(report.json.activities.every((a) => a.logMoves === 0 && a.modelMoves === 0)).toBe(true);
    expect(report.labels).toEqual({ modelTasksNotInLog: [], logActivitiesNotInModel: [] });
  });

  it('the running example fits running-example.bpmn perfectly', async () => {
    const report = conformanceReport(await logOf('running-example.xes'), await loadModel(DATA + 'running-example.bpmn'));
    expect(report.json.model).toEqual({ tasks: 8, places: 23, transitions: 24 });
    expect(report.json.alignments).toEqual({ logFitness: 1, averageTraceFitness: 1, fittingTracesPct: 100 });
    expect(report.json.tokenReplay).toEqual({ logFitness: 1, fittingTracesPct: 100 });
  });
});

describe('public logs on models of our own that they do not fit', () => {
  it('running example on a strict sequence: hand-worked costs 2,4,0,10,4,4 -> log fitness 1 - 24/72 = 2/3', async () => {
    const report = conformanceReport(await logOf('running-example.xes'), await loadModel(DATA + 'running-example-strict.bpmn'));
    expect(report.json.alignments.logFitness).toBeCloseTo(2 / 3, 12);
    const traceFitness = [1 - 2 / 10, 1 - 4 / 10, 1, 1 - 10 / 18, 1 - 4 / 14, 1 - 4 / 10];
    expect(report.json.alignments.averageTraceFitness).toBeCloseTo(traceFitness.reduce((a, b) => a + b) / 6, 12);
    expect(report.json.alignments.fittingTracesPct).toBeCloseTo(100 / 6, 12);
    expect(report.json.tokenReplay.logFitness).toBeCloseTo(0.6181818181818182, 12);
    const moves = Object.fromEntries(report.json.activities.map((a) => [a.activity, [a.logMoves, a.modelMoves]]));
    expect(moves['pay compensation']).toEqual([0, 3]);
    expect(moves['reinitiate request']).toEqual([3, 0]);
    expect(moves['reject request']).toEqual([3, 0]);
    expect(moves['register request']).toEqual([0, 0]);
    expect(report.labels.logActivitiesNotInModel).toEqual(['examine thoroughly', 'reinitiate request', 'reject request']);
  });

  it('receipt on its strict happy path: every variant costs |t| + 6 - 2 LCS; log fitness 0.8287', async () => {
    const log = await logOf('receipt.csv.gz');
    const report = conformanceReport(log, await loadModel(DATA + 'receipt-strict.bpmn'));
    const happy = [
      'Confirmation of receipt',
      'T02 Check confirmation of receipt',
      'T04 Determine confirmation of receipt',
      'T05 Print and send confirmation of receipt',
      'T06 Determine necessity of stop advice',
      'T10 Determine necessity to stop indication',
    ];
    let cost = 0;
    let denominator = 0;
    for (const v of discoverVariants(log).variants) {
      cost += (v.activities.length + happy.length - 2 * lcs(v.activities, happy)) * v.cases;
      denominator += (v.activities.length + happy.length) * v.cases;
    }
    expect(report.json.alignments.logFitness).toBeCloseTo(1 - cost / denominator, 12);
    expect(report.json.alignments.logFitness).toBeCloseTo(0.8287061288632792, 12);
    expect(report.json.alignments.averageTraceFitness).toBeCloseTo(0.8180531482520385, 12);
    expect(report.json.alignments.fittingTracesPct).toBeCloseTo(49.721059972106, 9);
    expect(report.json.tokenReplay.logFitness).toBeCloseTo(0.8505247622171204, 12);
  });
});

import { InvalidModelError } from '../errors';
import { alignTrace, DEFAULT_ALIGNMENT_BUDGET, type TraceAlignment } from './align-trace';
import { indexNet, type NetIndex } from './net-index';
import type { WorkflowNet } from './workflow-net';

/** Options of `createAligner`. */
export interface AlignerOptions {
  /** States one trace may expand before it is reported as `budget-exceeded`. */
  budget?: number;
}

/**
 * Aligns traces with one net, once per distinct trace (a variant), and knows the
 * visible length of the model's shortest complete run.
 */
export interface Aligner {
  readonly index: NetIndex;
  /** Visible transitions on the shortest complete run of the model (its alignment with the empty trace). */
  readonly shortestRun: number;
  /** The optimal alignment of a trace, computed once per distinct trace. */
  align(trace: readonly string[]): TraceAlignment;
  /** 1 - cost / (|trace| + shortestRun), or null when the search budget ran out. */
  traceFitness(trace: readonly string[]): number | null;
}

/**
 * Checks and indexes the net, computes its shortest complete run and returns a cached
 * aligner. Throws `InvalidModelError` when the net is no workflow net or cannot complete.
 *
 * @example
 * const aligner = createAligner(net);
 * aligner.align(['a', 'c']); // { status: 'aligned', cost: 1, moves: [...] }
 */
export function createAligner(net: WorkflowNet, options: AlignerOptions = {}): Aligner {
  const budget = options.budget ?? DEFAULT_ALIGNMENT_BUDGET;
  const index = indexNet(net);
  const runBudget = Math.max(budget, DEFAULT_ALIGNMENT_BUDGET);
  const empty = alignTrace(index, [], runBudget);
  if (empty.status !== 'aligned') {
    throw new InvalidModelError(`createAligner: no complete run of the model found within ${runBudget} search states`);
  }
  const shortestRun = empty.cost;
  const cache = new Map<string, TraceAlignment>();
  const align = (trace: readonly string[]): TraceAlignment => {
    const key = trace.join('\u0000');
    let result = cache.get(key);
    if (result === undefined) {
      result = alignTrace(index, trace, budget);
      cache.set(key, result);
    }
    return result;
  };
  return {
    index,
    shortestRun,
    align,
    traceFitness(trace) {
      const result = align(trace);
      if (result.status !== 'aligned') return null;
      const denominator = trace.length + shortestRun;
      return denominator === 0 ? 1 : 1 - result.cost / denominator;
    },
  };
}

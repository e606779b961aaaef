import type { Aligner } from './aligner';
import type { TraceAlignment } from './align-trace';
import { compareText } from '../compare-text';

/** A distinct trace and how many cases follow it. */
export interface TraceVariant {
  activities: readonly string[];
  cases: number;
}

/** Log and model moves of one activity, summed over cases. */
export interface ActivityMoves {
  activity: string;
  /** Done where the model does not allow it. */
  logMoves: number;
  /** Required by the model but skipped. */
  modelMoves: number;
}

/** The alignment of one variant and its trace fitness (null when the budget ran out). */
export interface VariantAlignment {
  variant: TraceVariant;
  alignment: TraceAlignment;
  fitness: number | null;
}

/** Alignment-based conformance of a log. Variants over budget are counted apart and left out of the figures. */
export interface LogAlignment {
  shortestRun: number;
  variants: VariantAlignment[];
  /** 1 - sum of costs / sum of (|trace| + shortestRun), over aligned cases; null when none was aligned. */
  logFitness: number | null;
  /** Mean trace fitness over aligned cases; null when none was aligned. */
  averageTraceFitness: number | null;
  /** Share of aligned cases with fitness 1, in percent (0..100); null when none was aligned. */
  fittingTracesPct: number | null;
  cases: number;
  alignedCases: number;
  budgetExceededVariants: number;
  budgetExceededCases: number;
  /** Per activity, sorted by name; only activities with at least one log or model move. */
  activities: ActivityMoves[];
}

/**
 * Aligns every variant (once each, through the aligner's cache) and sums the result
 * over cases: log fitness = 1 - sum(cost) / sum(|trace| + shortest run).
 *
 * @example
 * const result = alignLog(createAligner(net), [{ activities: ['a', 'c'], cases: 3 }]);
 * result.logFitness;
 */
export function alignLog(aligner: Aligner, variants: readonly TraceVariant[], onVariant?: (done: number) => void): LogAlignment {
  const out: VariantAlignment[] = [];
  const moves = new Map<string, ActivityMoves>();
  let cases = 0;
  let alignedCases = 0;
  let costSum = 0;
  let denominatorSum = 0;
  let fitnessSum = 0;
  let fitting = 0;
  let exceededVariants = 0;
  let exceededCases = 0;
  for (const variant of variants) {
    const alignment = aligner.align(variant.activities);
    const fitness = aligner.traceFitness(variant.activities);
    out.push({ variant, alignment, fitness });
    cases += variant.cases;
    onVariant?.(out.length);
    if (alignment.status !== 'aligned' || fitness === null) {
      exceededVariants++;
      exceededCases += variant.cases;
      continue;
    }
    alignedCases += variant.cases;
    costSum += alignment.cost * variant.cases;
    denominatorSum += (variant.activities.length + aligner.shortestRun) * variant.cases;
    fitnessSum += fitness * variant.cases;
    if (alignment.cost === 0) fitting += variant.cases;
    for (const move of alignment.moves) {
      if (move.kind === 'sync') continue;
      let row = moves.get(move.activity);
      if (!row) moves.set(move.activity, (row = { activity: move.activity, logMoves: 0, modelMoves: 0 }));
      if (move.kind === 'log') row.logMoves += variant.cases;
      else row.modelMoves += variant.cases;
    }
  }
  return {
    shortestRun: aligner.shortestRun,
    variants: out,
    logFitness: alignedCases === 0 ? null : denominatorSum === 0 ? 1 : 1 - costSum / denominatorSum,
    averageTraceFitness: alignedCases === 0 ? null : fitnessSum / alignedCases,
    fittingTracesPct: alignedCases === 0 ? null : (100 * fitting) / alignedCases,
    cases,
    alignedCases,
    budgetExceededVariants: exceededVariants,
    budgetExceededCases: exceededCases,
    activities: [...moves.values()].sort((a, b) => compareText(a.activity, b.activity)),
  };
}

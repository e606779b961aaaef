import { BUCKET_COUNT, STEP_END, STEP_START, type EventLog, type Variants } from '../../../shared/src/index';
import type { Grain } from './case-groups';
import type { GroupVariants } from './group-variants';
import type { ModelWriter } from './model-writer';
import type { PairSteps } from './pair-steps';

/** Activity ids of a variant's sequence, read from its first case. */
export function variantSequences(log: EventLog, variants: Variants): Uint32Array[] {
  return variants.variants.map((v) => {
    const c = v.caseIndices[0]!;
    return log.activity.subarray(log.caseOffsets[c]!, log.caseOffsets[c + 1]!);
  });
}

/**
 * Edges per grain cell, summed from the step rows: transitions, seconds and histograms add up
 * over the steps of a (from, to) pair; distinct cases add the cases of every variant in which
 * the pair occurs (once per variant). START/END edges give the start and end activities.
 */
export function writeEdges(
  out: ModelWriter, log: EventLog, groups: readonly Grain[], pairs: GroupVariants, steps: PairSteps, seqs: readonly Uint32Array[],
): void {
  const A = log.activities.length + 2;
  const name = (id: number) => (id === A - 2 ? STEP_START : id === A - 1 ? STEP_END : log.activities[id]!);
  const edges = new Map<number, { transitions: number; cases: number; sum: number; hist: Float64Array; seenBy: number }>();
  for (let p = 0; p < pairs.count; p++) {
    const g = pairs.group[p]!;
    const seq = seqs[pairs.variant[p]!]!;
    const cases = pairs.cases[p]!;
    for (let k = 0; k <= seq.length; k++) {
      const from = k === 0 ? A - 2 : seq[k - 1]!;
      const to = k === seq.length ? A - 1 : seq[k]!;
      const key = (g * A + from) * A + to;
      let e = edges.get(key);
      if (!e) {
        e = { transitions: 0, cases: 0, sum: 0, hist: new Float64Array(BUCKET_COUNT), seenBy: -1 };
        edges.set(key, e);
      }
      const s = steps.offsets[p]! + k;
      e.transitions += cases;
      e.sum += steps.sumSeconds[s]!;
      for (let b = 0; b < BUCKET_COUNT; b++) e.hist[b]! += steps.histogram[s * BUCKET_COUNT + b]!;
      if (e.seenBy !== p) {
        e.seenBy = p;
        e.cases += cases;
      }
    }
  }
  for (const [key, e] of edges) {
    const to = key % A;
    const from = Math.floor(key / A) % A;
    const g = groups[Math.floor(key / A / A)]!;
    out.add('edges', [g.process, g.jobcenter, g.period, name(from), name(to), e.transitions, e.cases, e.sum, ...e.hist]);
  }
}

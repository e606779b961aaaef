import { BUCKET_COUNT, bucketOf, type EventLog, type Variants } from '../../../shared/src/index';
import type { GroupVariants } from './group-variants';

/**
 * Step sums per (grain cell, variant) pair, following the step model of
 * `shared/src/steps/types.ts`: pair p has steps `offsets[p] .. offsets[p+1]-1`, one per
 * transition START -> a1 -> ... -> an -> END, with summed seconds and duration histograms.
 * Stand-in for the core's `discoverSteps(log, { groupOf })` until that lands.
 */
export interface PairSteps {
  offsets: Uint32Array;
  sumSeconds: Float64Array;
  /** `histogram[s * BUCKET_COUNT + b]`: cases of step s in bucket b. */
  histogram: Uint32Array;
}

export function pairSteps(log: EventLog, variants: Variants, pairs: GroupVariants): PairSteps {
  const offsets = new Uint32Array(pairs.count + 1);
  for (let p = 0; p < pairs.count; p++) {
    offsets[p + 1] = offsets[p]! + variants.variants[pairs.variant[p]!]!.activities.length + 1;
  }
  const total = offsets[pairs.count]!;
  const sumSeconds = new Float64Array(total);
  const histogram = new Uint32Array(total * BUCKET_COUNT);
  for (let c = 0; c < log.caseIds.length; c++) {
    const p = pairs.pairOfCase[c]!;
    const base = offsets[p]!;
    const lo = log.caseOffsets[c]!;
    const hi = log.caseOffsets[c + 1]!;
    histogram[base * BUCKET_COUNT]!++;
    histogram[(base + hi - lo) * BUCKET_COUNT]!++;
    for (let e = lo + 1; e < hi; e++) {
      const s = base + e - lo;
      const seconds = (log.timestamp[e]! - log.timestamp[e - 1]!) / 1000;
      sumSeconds[s]! += seconds;
      histogram[s * BUCKET_COUNT + bucketOf(seconds)]!++;
    }
  }
  return { offsets, sumSeconds, histogram };
}

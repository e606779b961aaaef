import { BUCKET_COUNT, histogramQuantile } from '../histogram/duration-buckets';
import { compareSequences } from '../variants/discover-variants';
import type { StepRow } from './types';

/** A variant rebuilt from step rows. */
export interface StepVariant {
  variantKey: string;
  /** Activities from the step chain: the `to` of steps 0..n-1. */
  activities: string[];
  /** Exact: the summed cases of the variant's step-0 rows. */
  cases: number;
  /** Exact: cases / all cases in the rows (0..1). */
  share: number;
  /** Exact: the summed seconds of all the variant's rows. */
  sumSeconds: number;
  /** Exact: sumSeconds / cases. */
  meanSeconds: number;
  /**
   * Estimated: the sum over the variant's timed steps (1..n-1) of each step's median, from its
   * summed histogram with `histogramQuantile`. Step rows carry no case-duration
   * histogram, and a median of a sum is not the sum of medians, so this is a guide.
   */
  medianSeconds: number;
}

/** Per-variant sums collected by `aggregateSteps`. */
export interface VariantAcc {
  key: string;
  cases: number;
  sumSeconds: number;
  /** Activity ids (`to`, `from`) per step index; -1 where no row was seen. */
  to: number[];
  from: number[];
  /** Indices of the variant's rows, for the median estimate. */
  rows: number[];
}

/** Turns the per-variant sums into `StepVariant`s, most cases first, ties by sequence. */
export function finishVariants(variants: VariantAcc[], rows: readonly StepRow[], names: readonly string[], total: number): StepVariant[] {
  const B = BUCKET_COUNT;
  let scratch = new Float64Array(0);
  const out = variants.map((acc): StepVariant => {
    const n = acc.to.length - 1;
    const activities: string[] = [];
    for (let k = 0; k < n; k++) {
      const id = acc.to[k]! >= 0 ? acc.to[k]! : (acc.from[k + 1] ?? -1);
      activities.push(id >= 0 ? names[id]! : '');
    }
    if (scratch.length < (n + 1) * B) scratch = new Float64Array((n + 1) * B * 2);
    scratch.fill(0, 0, (n + 1) * B);
    for (const r of acc.rows) {
      const row = rows[r]!;
      const base = row.stepIndex * B;
      for (let i = 0; i < B; i++) scratch[base + i]! += row.histogram[i] ?? 0;
    }
    let median = 0;
    for (let k = 1; k < n; k++) median += histogramQuantile(scratch.subarray(k * B, (k + 1) * B), 0.5) || 0;
    return {
      variantKey: acc.key,
      activities,
      cases: acc.cases,
      share: total > 0 ? acc.cases / total : 0,
      sumSeconds: acc.sumSeconds,
      meanSeconds: acc.cases > 0 ? acc.sumSeconds / acc.cases : 0,
      medianSeconds: median,
    };
  });
  return out.sort((x, y) => y.cases - x.cases || compareSequences(x.activities, y.activities));
}

import { BUCKET_COUNT, histogramQuantile } from '../histogram/duration-buckets';
import type { FineHistogram, FineHistogramAcc } from '../histogram/fine-buckets';
import { fineQuantile } from '../histogram/fine-quantile';
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
   * Estimated median case duration: from the case-duration histogram of the variant's END
   * rows (`fineQuantile`, within a few percent) when the rows carry it; in older tables, the
   * sum over the timed steps of each step's median (a rough guide, often 20 % low).
   */
  medianSeconds: number;
  /** Estimated 90th percentile of the case duration from the END rows' histogram; NaN in older tables. */
  p90Seconds: number;
  /** The variant's case-duration histogram (END rows), when the rows carry one. */
  caseDurations?: FineHistogram;
  /** The variant's number in the whole log version (`StepRow.variantRank`), when the rows carry it. */
  rank?: number;
  /** Whether the variant's cases are finished (`StepRow.finished`), when the rows say. */
  finished?: boolean;
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
  caseDurations: FineHistogramAcc | undefined;
  rank: number | undefined;
  finished: boolean | undefined;
}

/** Turns the per-variant sums into `StepVariant`s, most cases first, ties by sequence. */
export function finishVariants(variants: VariantAcc[], rows: readonly StepRow[], names: readonly string[], total: number): StepVariant[] {
  const out = variants.map((acc): StepVariant => {
    const n = acc.to.length - 1;
    const activities: string[] = [];
    for (let k = 0; k < n; k++) {
      const id = acc.to[k]! >= 0 ? acc.to[k]! : (acc.from[k + 1] ?? -1);
      activities.push(id >= 0 ? names[id]! : '');
    }
    const variant: StepVariant = {
      variantKey: acc.key,
      activities,
      cases: acc.cases,
      share: total > 0 ? acc.cases / total : 0,
      sumSeconds: acc.sumSeconds,
      meanSeconds: acc.cases > 0 ? acc.sumSeconds / acc.cases : 0,
      medianSeconds: 0,
      p90Seconds: Number.NaN,
    };
    if (acc.caseDurations) {
      variant.caseDurations = acc.caseDurations;
      variant.medianSeconds = fineQuantile(acc.caseDurations, 0.5);
      variant.p90Seconds = fineQuantile(acc.caseDurations, 0.9);
    } else variant.medianSeconds = sumOfStepMedians(acc, rows, n);
    if (acc.rank !== undefined) variant.rank = acc.rank;
    if (acc.finished !== undefined) variant.finished = acc.finished;
    return variant;
  });
  return out.sort((x, y) => y.cases - x.cases || compareSequences(x.activities, y.activities));
}

function sumOfStepMedians(acc: VariantAcc, rows: readonly StepRow[], n: number): number {
  const B = BUCKET_COUNT;
  const scratch = new Float64Array((n + 1) * B);
  for (const r of acc.rows) {
    const row = rows[r]!;
    const base = row.stepIndex * B;
    for (let i = 0; i < B; i++) scratch[base + i]! += row.histogram[i] ?? 0;
  }
  let median = 0;
  for (let k = 1; k < n; k++) median += histogramQuantile(scratch.subarray(k * B, (k + 1) * B), 0.5) || 0;
  return median;
}

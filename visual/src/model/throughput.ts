import {
  addFineHistogram,
  BUCKET_COUNT,
  emptyFineHistogram,
  fineQuantile,
  histogramQuantile,
  STEP_END,
  type StepRow,
} from '@sagsflow/shared';

/** Throughput-time figures of a set of cases, in seconds. */
export interface Throughput {
  readonly median: number;
  readonly p90: number;
  /**
   * `cases`: from the case-duration histograms on the END steps (the fine one within a few
   * percent, else the coarse one); `variants`: from each variant's mean duration (a coarser
   * estimate, for rows written before the END steps carried case durations).
   */
  readonly basis: 'cases' | 'variants';
  /** True when only finished cases count (the rows say which are); else all cases. */
  readonly finishedOnly: boolean;
}

/**
 * Median and 90th percentile throughput time of the finished cases in `rows` (of all cases
 * when no row says whether it is finished). The END step of each variant carries the
 * histogram of its cases' durations: the fine one is used when every END row has it, else
 * the coarse one; rows whose END histograms hold only 0 s durations (older step tables) fall
 * back to the case-weighted distribution of variant mean durations. Null without cases.
 */
export function throughput(allRows: readonly StepRow[]): Throughput | null {
  const finishedOnly = allRows.some((row) => row.finished !== undefined);
  const rows = finishedOnly ? allRows.filter((row) => row.finished !== false) : allRows;
  const endHistogram = new Array<number>(BUCKET_COUNT).fill(0);
  const fine = emptyFineHistogram();
  let allFine = true;
  let timedEnds = 0;
  for (const row of rows) {
    if (row.to !== STEP_END) continue;
    if (row.fine) addFineHistogram(fine, row.fine);
    else allFine = false;
    const histogram = row.histogram;
    for (let b = 0; b < histogram.length; b++) {
      endHistogram[b]! += histogram[b]!;
      if (b > 0) timedEnds += histogram[b]!;
    }
  }
  if (timedEnds > 0 && allFine) return { median: fineQuantile(fine, 0.5), p90: fineQuantile(fine, 0.9), basis: 'cases', finishedOnly };
  if (timedEnds > 0) {
    return { median: histogramQuantile(endHistogram, 0.5), p90: histogramQuantile(endHistogram, 0.9), basis: 'cases', finishedOnly };
  }
  const means = variantMeans(rows);
  if (means.length === 0) return null;
  means.sort((a, b) => a.mean - b.mean);
  return { median: weightedQuantile(means, 0.5), p90: weightedQuantile(means, 0.9), basis: 'variants', finishedOnly };
}

/** Each variant's cases and mean duration (its rows' summed seconds over its cases), variants without cases left out. */
function variantMeans(rows: readonly StepRow[]): { cases: number; mean: number }[] {
  const variants = new Map<string, { cases: number; seconds: number }>();
  for (const row of rows) {
    const v = variants.get(row.variantKey) ?? { cases: 0, seconds: 0 };
    if (row.stepIndex === 0) v.cases += row.cases;
    v.seconds += row.sumSeconds;
    variants.set(row.variantKey, v);
  }
  return [...variants.values()].filter((v) => v.cases > 0).map((v) => ({ cases: v.cases, mean: v.seconds / v.cases }));
}

/** The q-quantile of values weighted by cases (the lower value at an exact split). */
function weightedQuantile(sorted: readonly { cases: number; mean: number }[], q: number): number {
  const total = sorted.reduce((sum, v) => sum + v.cases, 0);
  let seen = 0;
  for (const v of sorted) {
    seen += v.cases;
    if (seen >= q * total) return v.mean;
  }
  return sorted[sorted.length - 1]!.mean;
}

import { BUCKET_COUNT, histogramQuantile, STEP_END, type StepRow } from '../../../shared/src/index';

/** Throughput-time figures of a set of cases, in seconds. */
export interface Throughput {
  readonly median: number;
  readonly p90: number;
  /**
   * `cases`: from the case-duration histograms on the END steps (estimates within a
   * bucket); `variants`: from each variant's mean duration (a coarser estimate, used while
   * the rows carry no case-duration histogram).
   */
  readonly basis: 'cases' | 'variants';
}

/**
 * Median and 90th percentile throughput time of the cases in `rows`. The END step of each
 * variant carries the histogram of its cases' durations when the service writes it; rows
 * whose END histograms hold only 0 s durations (older step tables) fall back to the
 * case-weighted distribution of variant mean durations. Null without cases.
 */
export function throughput(rows: readonly StepRow[]): Throughput | null {
  const endHistogram = new Array<number>(BUCKET_COUNT).fill(0);
  const variants = new Map<string, { cases: number; seconds: number }>();
  let timedEnds = 0;
  for (const row of rows) {
    const v = variants.get(row.variantKey) ?? { cases: 0, seconds: 0 };
    if (row.stepIndex === 0) v.cases += row.cases;
    v.seconds += row.sumSeconds;
    variants.set(row.variantKey, v);
    if (row.to !== STEP_END) continue;
    row.histogram.forEach((count, b) => {
      endHistogram[b]! += count;
      if (b > 0) timedEnds += count;
    });
  }
  if (timedEnds > 0) {
    return { median: histogramQuantile(endHistogram, 0.5), p90: histogramQuantile(endHistogram, 0.9), basis: 'cases' };
  }
  const means = [...variants.values()].filter((v) => v.cases > 0).map((v) => ({ cases: v.cases, mean: v.seconds / v.cases }));
  if (means.length === 0) return null;
  means.sort((a, b) => a.mean - b.mean);
  return { median: weightedQuantile(means, 0.5), p90: weightedQuantile(means, 0.9), basis: 'variants' };
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

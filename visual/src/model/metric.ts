import { addFineHistogram, emptyFineHistogram, fineQuantile, histogramQuantile, type FineHistogram } from '@sagsflow/shared';
import type { PerformanceMetric } from '../settings';

/** Durations of a group of transitions: count, summed seconds and the bucket histograms. */
export interface DurationSample {
  readonly count: number;
  readonly sumSeconds: number;
  /** The coarse histogram (h00..h24). */
  readonly histogram?: readonly number[];
  /** The fine histogram (d00..d74 with s00..s74), when bound: preferred for median and p90. */
  readonly fine?: FineHistogram;
}

/**
 * The performance metric of a sample in seconds: mean = sum / count, total = sum (both
 * exact), median and p90 estimated from the additive histograms: the fine one within a few
 * percent when there is one, else the coarse one (NaN when there is none).
 */
export function metricSeconds(sample: DurationSample, metric: PerformanceMetric): number {
  switch (metric) {
    case 'total':
      return sample.sumSeconds;
    case 'mean':
      return sample.count > 0 ? sample.sumSeconds / sample.count : Number.NaN;
    case 'median':
      return quantileOf(sample, 0.5);
    case 'p90':
      return quantileOf(sample, 0.9);
  }
}

/** True for the metrics rebuilt from histograms (median, p90): their labels carry "≈". */
export function isEstimate(metric: PerformanceMetric): boolean {
  return metric === 'median' || metric === 'p90';
}

/** Marks an estimated figure's label with "≈" (an empty label or "–" stays as it is). */
export function estimateLabel(label: string): string {
  return label === '' || label === '–' ? label : `≈ ${label}`;
}

function quantileOf(sample: DurationSample, q: number): number {
  if (sample.fine) return fineQuantile(sample.fine, q);
  return sample.histogram ? histogramQuantile(sample.histogram, q) : Number.NaN;
}

/** Adds samples: counts, seconds and histograms bucket by bucket (fine only when every sample has one). */
export function sumSamples(samples: readonly DurationSample[]): DurationSample {
  let count = 0;
  let sumSeconds = 0;
  let histogram: number[] | undefined;
  const fine = samples.length > 0 && samples.every((s) => s.fine) ? emptyFineHistogram() : undefined;
  for (const s of samples) {
    count += s.count;
    sumSeconds += s.sumSeconds;
    if (s.histogram) {
      histogram ??= new Array<number>(s.histogram.length).fill(0);
      s.histogram.forEach((v, i) => (histogram![i] = (histogram![i] ?? 0) + v));
    }
    if (fine && s.fine) addFineHistogram(fine, s.fine);
  }
  const out: { count: number; sumSeconds: number; histogram?: number[]; fine?: FineHistogram } = { count, sumSeconds };
  if (histogram) out.histogram = histogram;
  if (fine) out.fine = fine;
  return out;
}

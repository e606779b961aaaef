import { histogramQuantile } from '../../../shared/src/index';
import type { PerformanceMetric } from '../settings';

/** Durations of a group of transitions: count, summed seconds and the bucket histogram. */
export interface DurationSample {
  readonly count: number;
  readonly sumSeconds: number;
  readonly histogram?: readonly number[];
}

/**
 * The performance metric of a sample in seconds: mean = sum / count, total = sum, median and
 * p90 estimated from the additive duration histogram (NaN when there is none).
 */
export function metricSeconds(sample: DurationSample, metric: PerformanceMetric): number {
  switch (metric) {
    case 'total':
      return sample.sumSeconds;
    case 'mean':
      return sample.count > 0 ? sample.sumSeconds / sample.count : Number.NaN;
    case 'median':
      return sample.histogram ? histogramQuantile(sample.histogram, 0.5) : Number.NaN;
    case 'p90':
      return sample.histogram ? histogramQuantile(sample.histogram, 0.9) : Number.NaN;
  }
}

/** Adds samples: counts, seconds and histograms bucket by bucket. */
export function sumSamples(samples: readonly DurationSample[]): DurationSample {
  let count = 0;
  let sumSeconds = 0;
  let histogram: number[] | undefined;
  for (const s of samples) {
    count += s.count;
    sumSeconds += s.sumSeconds;
    if (s.histogram) {
      histogram ??= new Array<number>(s.histogram.length).fill(0);
      s.histogram.forEach((v, i) => (histogram![i] = (histogram![i] ?? 0) + v));
    }
  }
  return histogram ? { count, sumSeconds, histogram } : { count, sumSeconds };
}

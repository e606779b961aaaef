import { compareText } from '../compare-text';
import { histogramQuantile } from '../histogram/duration-buckets';
import { STEP_END, STEP_START } from '../steps/types';
import type { ProcessMap, ProcessMapEdge } from './process-map';

/**
 * The one definition of a bottleneck, shared by the process map's performance view and
 * the bottleneck findings:
 *
 * > A bottleneck is a transition between two activities, taken at least
 * > `minTransitions` times, whose median waiting time is at least `factor` times the
 * > map's typical wait: the median of all waiting times between activities on the map.
 *
 * Transitions from START or to END carry no waiting time and never count. The frequency
 * view marks no bottlenecks: volume is not waiting.
 */
export interface BottleneckOptions {
  /** How many times the typical wait a bottleneck's median wait is at least. */
  factor: number;
  /** Fewest transitions an edge needs before its median can mark it. */
  minTransitions: number;
}

/** The defaults of the definition: twice the typical wait, at least 5 transitions. */
export const BOTTLENECK_DEFAULTS: BottleneckOptions = { factor: 2, minTransitions: 5 };

/** An edge that is a bottleneck under the definition. */
export interface BottleneckEdge {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  /** Its median waiting time in seconds. */
  readonly medianSeconds: number;
  /** True when the median is estimated from the mean (no histogram, e.g. a simplified edge). */
  readonly fromMean: boolean;
}

/** The bottlenecks of a map and the figures that decided them. */
export interface Bottlenecks {
  /** The map's typical wait in seconds (NaN on a map without waits). */
  readonly typicalSeconds: number;
  /** The median wait at which an edge becomes a bottleneck: factor x typical. */
  readonly thresholdSeconds: number;
  /** Longest median wait first; ties by transitions, then from and to name. */
  readonly edges: readonly BottleneckEdge[];
}

/**
 * The bottlenecks of a process map (see `BottleneckOptions` for the definition). An edge's
 * median comes from its duration histogram, or from its mean when it has none; the typical
 * wait pools the histograms of every timed edge (means weighted by transitions without).
 *
 * @example findBottlenecks(aggregateSteps(rows).map).edges.map((e) => `${e.from} -> ${e.to}`)
 */
export function findBottlenecks(map: ProcessMap, options: Partial<BottleneckOptions> = {}): Bottlenecks {
  const { factor, minTransitions } = { ...BOTTLENECK_DEFAULTS, ...options };
  const timed = map.edges.filter((e) => e.from !== STEP_START && e.to !== STEP_END && e.count > 0);
  const typicalSeconds = typicalWait(timed);
  const thresholdSeconds = factor * typicalSeconds;
  const edges: BottleneckEdge[] = [];
  if (Number.isFinite(thresholdSeconds)) {
    for (const e of timed) {
      if (e.count < minTransitions) continue;
      const { seconds, fromMean } = edgeMedian(e);
      if (seconds > 0 && seconds >= thresholdSeconds) edges.push({ from: e.from, to: e.to, count: e.count, medianSeconds: seconds, fromMean });
    }
  }
  edges.sort((x, y) => y.medianSeconds - x.medianSeconds || y.count - x.count || compareText(x.from, y.from) || compareText(x.to, y.to));
  return { typicalSeconds, thresholdSeconds, edges };
}

/** An edge's median wait: from its histogram, else its mean. */
export function edgeMedian(e: ProcessMapEdge): { seconds: number; fromMean: boolean } {
  const fromHistogram = e.histogram ? histogramQuantile(e.histogram, 0.5) : Number.NaN;
  if (Number.isFinite(fromHistogram)) return { seconds: fromHistogram, fromMean: false };
  return { seconds: e.count > 0 ? e.sumSeconds / e.count : Number.NaN, fromMean: true };
}

function typicalWait(edges: readonly ProcessMapEdge[]): number {
  const withHistogram = edges.filter((e) => e.histogram);
  if (withHistogram.length === edges.length && edges.length > 0) {
    const pooled = new Array<number>(withHistogram[0]!.histogram!.length).fill(0);
    for (const e of withHistogram) e.histogram!.forEach((c, i) => (pooled[i]! += c));
    return histogramQuantile(pooled, 0.5);
  }
  const count = edges.reduce((sum, e) => sum + e.count, 0);
  return count > 0 ? edges.reduce((sum, e) => sum + e.sumSeconds, 0) / count : Number.NaN;
}

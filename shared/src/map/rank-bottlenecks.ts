import type { ProcessMap, ProcessMapEdge } from './process-map';
import { compareText } from '../compare-text';

/** An edge ranked as a bottleneck, with its mean waiting time. */
export interface Bottleneck extends ProcessMapEdge {
  meanSeconds: number;
}

/**
 * The `n` edges with the most total waiting time (`sumSeconds`), most first; ties
 * by transitions, then from and to name. Edges with no time (START/END) are skipped.
 */
export function rankBottlenecks(map: ProcessMap, n: number): Bottleneck[] {
  return map.edges
    .filter((e) => e.sumSeconds > 0)
    .map((e) => ({ ...e, meanSeconds: e.count > 0 ? e.sumSeconds / e.count : 0 }))
    .sort((x, y) => y.sumSeconds - x.sumSeconds || y.count - x.count || compareText(x.from, y.from) || compareText(x.to, y.to))
    .slice(0, Math.max(0, n));
}

import { compareText } from '../compare-text';

/** An edge as the bottleneck definition reads it. */
export interface BottleneckCandidate {
  from: string;
  to: string;
  /** Distinct cases that took the edge. */
  cases: number;
  /** Median waiting time on the edge (exact, or estimated from histograms), ms. */
  medianWaitMs: number;
}

/** Options of `markBottlenecks`; the findings use `bottleneckCount`, `bottleneckMinShare` and k from their settings. */
export interface BottleneckDefinitionOptions {
  /** Number of edges marked (ties at the cut are all marked); default 3. */
  count?: number;
  /** Minimum group size k. */
  minGroupSize: number;
  /** Share of all cases an edge must carry; default 0.05. */
  minShare?: number;
  /** All cases of the view (for the share). */
  totalCases: number;
}

/** The definition in words, for legends and the report's method section. */
export const BOTTLENECK_DEFINITION = {
  en: 'Bottlenecks: the 3 edges with the longest median waiting time, among edges taken by at least 5 % of the cases (and at least k cases).',
  da: 'Flaskehalse: de 3 kanter med den længste median-ventetid blandt kanter, som mindst 5 % af sagerne (og mindst k sager) går igennem.',
} as const;

/**
 * The one bottleneck definition the findings and the visual share: among the edges taken by
 * at least max(k, minShare x all cases) cases and with a median wait above 0, the `count`
 * edges with the longest median waiting time; an edge whose median equals the cut is marked
 * too, so a longer wait is never unmarked while a shorter one is marked. Returns the indices
 * of the marked edges in `edges`, longest median first.
 *
 * @example markBottlenecks(edges, { minGroupSize: 5, totalCases: 1000 }) // [4, 0, 7]
 */
export function markBottlenecks(edges: readonly BottleneckCandidate[], options: BottleneckDefinitionOptions): number[] {
  const count = options.count ?? 3;
  const minCases = Math.max(options.minGroupSize, Math.ceil((options.minShare ?? 0.05) * options.totalCases));
  const eligible = edges
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.cases >= minCases && e.medianWaitMs > 0)
    .sort((a, b) => b.e.medianWaitMs - a.e.medianWaitMs || compareText(a.e.from, b.e.from) || compareText(a.e.to, b.e.to));
  if (eligible.length === 0 || count <= 0) return [];
  const cut = eligible[Math.min(count, eligible.length) - 1]!.e.medianWaitMs;
  return eligible.filter(({ e }) => e.medianWaitMs >= cut).map(({ i }) => i);
}

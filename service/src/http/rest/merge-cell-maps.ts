import {
  aggregateSteps,
  sortEdges,
  STEP_END,
  STEP_START,
  type AggregatedSteps,
  type ProcessMapEdge,
  type ProcessMapNode,
} from '@sagsflow/shared';
import { compareText } from '@sagsflow/shared/compare-text';
import { addCompensated, addCounts, CompensatedSums, type CompensatedSum } from '../../db/step-cells';

/** A process map with its case count, as the map route shows it. */
export type CountedMap = Pick<AggregatedSteps, 'map' | 'cases'>;

interface EdgeAcc {
  edge: ProcessMapEdge;
  seconds: CompensatedSum;
  histogram: number[];
  fineCounts: number[] | null;
  fineSeconds: CompensatedSums | null;
}

/**
 * The process map of several cells (disjoint sets of cases) from the maps of each: every figure
 * of a map is a sum over its cases (node and edge counts and cases, seconds, histograms), so the
 * merged map is the map `aggregateSteps` builds from all the cells' rows, nodes and edges in the
 * same order (START first, then most events, END last; edges by `sortEdges`). An edge keeps a
 * fine histogram when it has one in every cell it occurs in.
 */
export function mergeCellMaps(parts: readonly CountedMap[]): CountedMap {
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 0) return aggregateSteps([]);
  const nodes = new Map<string, ProcessMapNode>();
  const edges = new Map<string, EdgeAcc>();
  let cases = 0;
  for (const part of parts) {
    cases += part.cases;
    for (const n of part.map.nodes) {
      const acc = nodes.get(n.activity);
      if (acc) {
        acc.count += n.count;
        acc.cases += n.cases;
      } else nodes.set(n.activity, { ...n });
    }
    for (const e of part.map.edges) {
      const key = `${e.from}\u0000${e.to}`;
      const acc = edges.get(key);
      if (!acc) {
        edges.set(key, {
          edge: { from: e.from, to: e.to, count: e.count, cases: e.cases, sumSeconds: 0 },
          seconds: [e.sumSeconds, 0],
          histogram: Array.from(e.histogram ?? []),
          fineCounts: e.fine ? Array.from(e.fine.counts) : null,
          fineSeconds: e.fine ? new CompensatedSums(e.fine.seconds) : null,
        });
        continue;
      }
      acc.edge.count += e.count;
      acc.edge.cases += e.cases;
      addCompensated(acc.seconds, e.sumSeconds);
      addCounts(acc.histogram, e.histogram ?? []);
      if (e.fine && acc.fineCounts && acc.fineSeconds) {
        addCounts(acc.fineCounts, e.fine.counts);
        acc.fineSeconds.add(e.fine.seconds);
      } else {
        acc.fineCounts = null;
        acc.fineSeconds = null;
      }
    }
  }
  const start = nodes.get(STEP_START) ?? { activity: STEP_START, count: 0, cases: 0 };
  const end = nodes.get(STEP_END) ?? { activity: STEP_END, count: 0, cases: 0 };
  const middle = [...nodes.values()]
    .filter((n) => n.activity !== STEP_START && n.activity !== STEP_END && n.count > 0)
    .sort((a, b) => b.count - a.count || compareText(a.activity, b.activity));
  const merged = [...edges.values()].map(({ edge, seconds, histogram, fineCounts, fineSeconds }) => {
    const out: ProcessMapEdge = { ...edge, sumSeconds: seconds[0] + seconds[1], histogram };
    if (fineCounts && fineSeconds) out.fine = { counts: fineCounts, seconds: fineSeconds.total() };
    return out;
  });
  return { map: { nodes: [start, ...middle, end], edges: sortEdges(merged) }, cases };
}

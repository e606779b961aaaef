import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import { routeExtraEdge } from './route-extra-edge';
import type { LayoutDirection, LayoutEdgeInput, LayoutNodeInput, MapLayout, PlacedNode, RoutedEdge } from './types';

/** The layout's types, re-exported for callers of `layoutMap` (they live in `types.ts` so `route-extra-edge.ts` needs no import from here). */
export type { LayoutDirection, LayoutEdgeInput, LayoutNodeInput, MapLayout, PlacedNode, Point, RoutedEdge } from './types';

/**
 * Layered layout of the process map with dagre (Sugiyama-style: rank assignment by network
 * simplex, crossing reduction by barycenters, Brandes–Köpf coordinates).
 *
 * Why dagre and not elkjs: process maps are small layered graphs (tens of activities, a few
 * hundred edges), dagre lays them out synchronously in a few milliseconds, so `update()` can
 * render in one pass and tests run without workers; it is ~50 kB minified against elkjs' ~1.4 MB
 * (GWT-compiled, asynchronous API), which would alone eat the 1 MB package budget.
 */

/** Spacing of the layout, in pixels. */
export const LAYOUT_SPACING = { nodesep: 40, edgesep: 16, ranksep: 56, margin: 16 } as const;

/** Spacing of a left-to-right layout: edge labels get their own rank, so ranks sit closer. */
export const LAYOUT_SPACING_LR = { nodesep: 20, edgesep: 10, ranksep: 10, margin: 12 } as const;

/**
 * How many edges dagre lays out for a map of `nodeCount` nodes: 1.5 per node (at least 30,
 * at most 90). Dagre's cost and its staircase-like drift grow with long edges' dummy nodes,
 * so on a dense map only the strongest edges (every node's strongest in- and out-edge first,
 * then by weight) shape the layers; the rest are routed afterwards (`routeExtraEdge`).
 */
export function layoutEdgeLimit(nodeCount: number): number {
  return Math.min(90, Math.max(30, Math.round(nodeCount * 1.5)));
}

/**
 * Above this many laid-out edges dagre skips its iterative crossing reduction (keeping the
 * initial DFS order): about half the time on big maps, so sliders stay interactive.
 */
export const FULL_ORDERING_EDGE_LIMIT = 60;

/**
 * Places nodes in layers, top to bottom (`TB`) or left to right (`LR`), and routes edges.
 * Deterministic: inputs are sorted by id before they reach dagre, so the same map always
 * gets the same coordinates. Edges whose endpoints are not among the nodes are left out.
 * Top to bottom, an edge's label box sits right of the edge; left to right, the edge runs
 * through the middle of its label box (the label is drawn in its upper half). `quick` skips
 * dagre's crossing reduction: about the same size in a fraction of the time, for trying
 * which simplification fits.
 */
export function layoutMap(
  nodes: readonly LayoutNodeInput[],
  edges: readonly LayoutEdgeInput[],
  edgeLimit = layoutEdgeLimit(nodes.length),
  direction: LayoutDirection = 'TB',
  quick = false,
): MapLayout {
  const graph = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ directed: true, multigraph: true });
  const spacing = direction === 'LR' ? LAYOUT_SPACING_LR : LAYOUT_SPACING;
  graph.setGraph({ rankdir: direction, ...spacing, marginx: spacing.margin, marginy: spacing.margin });
  graph.setDefaultEdgeLabel(() => ({}));
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sortedNodes = [...nodes].sort(byId);
  for (const node of sortedNodes) graph.setNode(node.id, { width: node.width, height: node.height });
  const known = new Set(sortedNodes.map((n) => n.id));
  const sortedEdges = [...edges].filter((e) => known.has(e.from) && known.has(e.to)).sort(byId);
  const laidOut = withoutSelfLoops(backbone(sortedEdges, edgeLimit));
  for (const edge of sortedEdges.filter((e) => laidOut.has(e))) {
    graph.setEdge(
      edge.from,
      edge.to,
      {
        width: edge.labelWidth,
        height: direction === 'LR' ? edge.labelHeight * 2 : edge.labelHeight,
        labelpos: direction === 'LR' ? 'c' : 'r',
        labeloffset: 6,
        weight: Math.max(1, edge.weight),
        minlen: 1,
      },
      edge.id,
    );
  }
  dagre.layout(graph, { disableOptimalOrderHeuristic: quick || laidOut.size > FULL_ORDERING_EDGE_LIMIT });
  const placed = new Map<string, PlacedNode>();
  for (const node of sortedNodes) {
    const n = graph.node(node.id);
    placed.set(node.id, { x: n.x ?? 0, y: n.y ?? 0, width: node.width, height: node.height });
  }
  const routed = new Map<string, RoutedEdge>();
  let lane = 0;
  for (const edge of sortedEdges) {
    if (!laidOut.has(edge)) {
      routed.set(edge.id, routeExtraEdge(placed.get(edge.from)!, placed.get(edge.to)!, lane++ % 8, direction));
      continue;
    }
    const e = graph.edge({ v: edge.from, w: edge.to, name: edge.id });
    const points = (e?.points ?? []).map((p) => ({ x: p.x, y: p.y }));
    const x = e?.x !== undefined ? e.x - edge.labelWidth / 2 : (points[0]?.x ?? 0);
    const y = (e?.y ?? points[0]?.y ?? 0) - (direction === 'LR' ? edge.labelHeight / 2 : 0);
    routed.set(edge.id, { points, label: { x, y } });
  }
  const size = graph.graph();
  let width = size.width ?? 0;
  let height = size.height ?? 0;
  for (const route of routed.values()) {
    for (const p of route.points) {
      width = Math.max(width, p.x + spacing.margin);
      height = Math.max(height, p.y + spacing.margin);
    }
  }
  return { nodes: placed, edges: routed, width, height };
}

/** The edges dagre lays out: all when few, else each node's strongest in/out edge, then the heaviest. */
function backbone(edges: readonly LayoutEdgeInput[], limit: number): Set<LayoutEdgeInput> {
  if (edges.length <= limit) return new Set(edges);
  const heaviest = [...edges].sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const chosen = new Set<LayoutEdgeInput>();
  const hasOut = new Set<string>();
  const hasIn = new Set<string>();
  for (const e of heaviest) {
    if (e.from === e.to) continue;
    if (!hasOut.has(e.from) || !hasIn.has(e.to)) {
      chosen.add(e);
      hasOut.add(e.from);
      hasIn.add(e.to);
    }
  }
  for (const e of heaviest) {
    if (chosen.size >= limit) break;
    if (e.from !== e.to) chosen.add(e);
  }
  return chosen;
}

/** Self-loops are routed as a curl beside their node (`routeExtraEdge`), never by dagre. */
function withoutSelfLoops(edges: Set<LayoutEdgeInput>): Set<LayoutEdgeInput> {
  for (const e of edges) if (e.from === e.to) edges.delete(e);
  return edges;
}

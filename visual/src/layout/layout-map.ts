import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';

/**
 * Layered layout of the process map with dagre (Sugiyama-style: rank assignment by network
 * simplex, crossing reduction by barycenters, Brandes–Köpf coordinates).
 *
 * Why dagre and not elkjs: process maps are small layered graphs (tens of activities, a few
 * hundred edges), dagre lays them out synchronously in a few milliseconds, so `update()` can
 * render in one pass and tests run without workers; it is ~50 kB minified against elkjs' ~1.4 MB
 * (GWT-compiled, asynchronous API), which would alone eat the 1 MB package budget.
 */

/** A box to place: its id and size in pixels. */
export interface LayoutNodeInput {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

/** An edge to route, with the size of its label (space is reserved for it). */
export interface LayoutEdgeInput {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly labelWidth: number;
  readonly labelHeight: number;
  /** Higher weight keeps the edge shorter and straighter (use its frequency). */
  readonly weight: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A placed node: centre and size. */
export interface PlacedNode extends Point {
  readonly width: number;
  readonly height: number;
}

/** A routed edge: polyline points from source to target and its label's centre. */
export interface RoutedEdge {
  readonly points: readonly Point[];
  readonly label: Point;
}

/** The laid-out map: every input node and edge by id, and the drawing's size. */
export interface MapLayout {
  readonly nodes: ReadonlyMap<string, PlacedNode>;
  readonly edges: ReadonlyMap<string, RoutedEdge>;
  readonly width: number;
  readonly height: number;
}

/** Spacing of the layout, in pixels. */
export const LAYOUT_SPACING = { nodesep: 40, edgesep: 16, ranksep: 56, margin: 16 } as const;

/**
 * Places nodes top to bottom and routes edges. Deterministic: inputs are sorted by id
 * before they reach dagre, so the same map always gets the same coordinates.
 * Edges whose endpoints are not among the nodes are left out.
 */
export function layoutMap(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[]): MapLayout {
  const graph = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ directed: true, multigraph: true });
  graph.setGraph({ rankdir: 'TB', ...LAYOUT_SPACING, marginx: LAYOUT_SPACING.margin, marginy: LAYOUT_SPACING.margin });
  graph.setDefaultEdgeLabel(() => ({}));
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sortedNodes = [...nodes].sort(byId);
  for (const node of sortedNodes) graph.setNode(node.id, { width: node.width, height: node.height });
  const known = new Set(sortedNodes.map((n) => n.id));
  const sortedEdges = [...edges].filter((e) => known.has(e.from) && known.has(e.to)).sort(byId);
  for (const edge of sortedEdges) {
    graph.setEdge(
      edge.from,
      edge.to,
      { width: edge.labelWidth, height: edge.labelHeight, labelpos: 'c', weight: Math.max(1, edge.weight), minlen: 1 },
      edge.id,
    );
  }
  dagre.layout(graph);
  const placed = new Map<string, PlacedNode>();
  for (const node of sortedNodes) {
    const n = graph.node(node.id);
    placed.set(node.id, { x: n.x ?? 0, y: n.y ?? 0, width: node.width, height: node.height });
  }
  const routed = new Map<string, RoutedEdge>();
  for (const edge of sortedEdges) {
    const e = graph.edge({ v: edge.from, w: edge.to, name: edge.id });
    const points = (e?.points ?? []).map((p) => ({ x: p.x, y: p.y }));
    routed.set(edge.id, { points, label: { x: e?.x ?? points[0]?.x ?? 0, y: e?.y ?? points[0]?.y ?? 0 } });
  }
  const size = graph.graph();
  return { nodes: placed, edges: routed, width: size.width ?? 0, height: size.height ?? 0 };
}

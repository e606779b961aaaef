import type { LayoutCache } from '../layout/layout-cache';
import type { MapLayout } from '../layout/layout-map';
import type { MapViewModel } from '../model/types';
import type { Colors } from './colors';
import { renderEdges, type PlacedEdgeView } from './edges';
import { renderEdgeLabels } from './labels';
import type { MapCanvas } from './map-canvas';
import { edgeLabelSize, nodeSize } from './node-size';
import { renderNodes, type PlacedNodeView } from './nodes';
import type { Selection } from 'd3-selection';

/** The drawn layers, returned so the behaviour can wire tooltips onto them. */
export interface DrawnMap {
  readonly layout: MapLayout;
  readonly nodes: Selection<SVGGElement, PlacedNodeView, SVGGElement, unknown>;
  readonly edges: Selection<SVGGElement, PlacedEdgeView, SVGGElement, unknown>;
}

/**
 * Lays the view model out with dagre and draws edges (with their labels) under nodes.
 * Every edge label gets the same reserved box so dagre keeps labels clear of nodes and
 * the cached layout survives switching views.
 */
export function drawMap(canvas: MapCanvas, cache: LayoutCache, model: MapViewModel, colors: Colors, fontSize: number): DrawnMap {
  const label = edgeLabelSize(fontSize);
  const layout = cache.get(
    model.nodes.map((n) => ({ id: n.id, ...nodeSize(n, fontSize) })),
    model.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, ...label, weight: e.transitions })),
  );
  const placedNodes: PlacedNodeView[] = model.nodes.flatMap((view) => {
    const box = layout.nodes.get(view.id);
    return box ? [{ view, box }] : [];
  });
  const placedEdges: PlacedEdgeView[] = model.edges.flatMap((view) => {
    const route = layout.edges.get(view.id);
    return route ? [{ view, route }] : [];
  });
  canvas.setContentSize(layout.width, layout.height);
  const edges = renderEdges(canvas, placedEdges, colors);
  renderEdgeLabels(edges, colors, fontSize);
  const nodes = renderNodes(canvas.nodes, placedNodes, colors, fontSize);
  return { layout, nodes, edges };
}

import type { Selection } from 'd3-selection';
import type { LayoutCache } from '../layout/layout-cache';
import type { LayoutDirection, MapLayout } from '../layout/types';
import type { MapViewModel } from '../model/types';
import type { Colors } from './colors';
import { renderEdges, type PlacedEdgeView } from './edges';
import { renderEdgeLabels, visibleEdgeLabels } from './labels';
import type { MapCanvas } from './map-canvas';
import { edgeLabelSize, nodeSize } from './node-size';
import { renderNodes, type PlacedNodeView } from './nodes';
import type { MeasureText } from './text-measure';

/** The drawn layers, returned so the behaviour can wire tooltips onto them. */
export interface DrawnMap {
  readonly layout: MapLayout;
  readonly nodes: Selection<SVGGElement, PlacedNodeView, SVGGElement, unknown>;
  readonly edges: Selection<SVGGElement, PlacedEdgeView, SVGGElement, unknown>;
}

/** How a map is laid out: text size and measure, and the direction of its layers. */
export interface MapGeometry {
  readonly fontSize: number;
  readonly measure: MeasureText;
  readonly direction: LayoutDirection;
}

/**
 * The layout of a view model (from the cache when its shape is unchanged). Every edge label
 * gets the same reserved box (the widest label's) so labels stay clear of nodes.
 */
export function layoutOf(cache: LayoutCache, model: MapViewModel, geometry: MapGeometry, quick = false): MapLayout {
  const { fontSize, measure, direction } = geometry;
  const label = edgeLabelSize(
    model.edges.map((e) => e.valueLabel),
    fontSize,
    measure,
  );
  return cache.get(
    model.nodes.map((n) => ({ id: n.id, ...nodeSize(n, fontSize, measure) })),
    model.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, ...label, weight: e.transitions })),
    direction,
    quick,
  );
}

/**
 * Lays the view model out with dagre and draws edges (with the labels that have room)
 * under nodes.
 */
export function drawMap(canvas: MapCanvas, cache: LayoutCache, model: MapViewModel, colors: Colors, geometry: MapGeometry): DrawnMap {
  const layout = layoutOf(cache, model, geometry);
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
  const shown = visibleEdgeLabels(placedEdges, [...layout.nodes.values()], geometry.fontSize, geometry.measure);
  renderEdgeLabels(edges, colors, geometry.fontSize, shown);
  const nodes = renderNodes(canvas.nodes, placedNodes, colors, geometry.fontSize);
  return { layout, nodes, edges };
}

import { layoutMap, type MapLayout } from '../layout/layout-map';
import type { MapViewModel } from '../model/types';
import type { Colors } from './colors';
import { renderEdges, type PlacedEdgeView } from './edges';
import { renderEdgeLabels } from './labels';
import type { MapCanvas } from './map-canvas';
import { nodeSize } from './node-size';
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
 * Edge label boxes are sized from the text so dagre keeps them clear of nodes.
 */
export function drawMap(canvas: MapCanvas, model: MapViewModel, colors: Colors, fontSize: number): DrawnMap {
  const sizes = new Map(model.nodes.map((n) => [n.id, nodeSize(n, fontSize)] as const));
  const layout = layoutMap(
    model.nodes.map((n) => ({ id: n.id, ...sizes.get(n.id)! })),
    model.edges.map((e) => ({
      id: e.id,
      from: e.from,
      to: e.to,
      labelWidth: e.valueLabel ? Math.ceil(e.valueLabel.length * fontSize * 0.55 + 8) : 0,
      labelHeight: e.valueLabel ? fontSize + 4 : 0,
      weight: e.transitions,
    })),
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

import type { Selection } from 'd3-selection';
import { curveBasis, line } from 'd3-shape';
import type { Point, RoutedEdge } from '../layout/types';
import type { MapEdgeView } from '../model/types';
import { insightColor, mix, toneColor, type Colors } from './colors';
import type { MapCanvas } from './map-canvas';

/** An edge with its route. */
export interface PlacedEdgeView {
  readonly view: MapEdgeView;
  readonly route: RoutedEdge;
}

const path = line<Point>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveBasis);

/** Stroke width of an edge: 1 px for the rarest up to 8 px for the most frequent/slowest. */
export function edgeWidth(intensity: number): number {
  return 1 + 7 * Math.max(0, Math.min(1, intensity));
}

function stroke(e: PlacedEdgeView, colors: Colors): string {
  if (e.view.tone !== null && !colors.highContrast)
    return mix(toneColor(e.view.tone, colors), colors.edge, 0.25 + 0.75 * Math.abs(e.view.tone));
  if (e.view.insight !== null && !colors.highContrast) return insightColor(e.view.insight, colors.edge, colors);
  return e.view.bottleneck ? colors.bottleneck : colors.edge;
}

/**
 * Draws the edges as curved paths with arrowheads: `g[data-testid=edge][data-from][data-to]`,
 * class `bottleneck` on the slowest ones, red by the marked share with the insight overlay (`data-insight`). A wide transparent path on top makes thin edges
 * easy to hover.
 */
export function renderEdges(
  canvas: MapCanvas,
  edges: readonly PlacedEdgeView[],
  colors: Colors,
): Selection<SVGGElement, PlacedEdgeView, SVGGElement, unknown> {
  const groups = canvas.edges
    .selectAll<SVGGElement, PlacedEdgeView>('g.edge')
    .data(edges, (d) => d.view.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'edge').attr('data-testid', 'edge');
      g.append('path').attr('class', 'edge-line').attr('fill', 'none');
      g.append('path').attr('class', 'edge-hit').attr('fill', 'none').attr('stroke', 'transparent').attr('stroke-width', 12);
      return g;
    })
    .attr('data-from', (d) => d.view.from)
    .attr('data-to', (d) => d.view.to)
    .attr('data-tone', (d) => (d.view.tone === null ? null : d.view.tone.toFixed(3)))
    .attr('data-insight', (d) => (d.view.insight === null ? null : d.view.insight.toFixed(3)))
    .classed('bottleneck', (d) => d.view.bottleneck)
    .classed('dimmed', (d) => d.view.highlight === 0);
  const d = (e: PlacedEdgeView) => path(e.route.points as Point[]) ?? '';
  groups
    .select('path.edge-line')
    .attr('d', d)
    .attr('stroke', (e) => stroke(e, colors))
    .attr('stroke-width', (e) => edgeWidth(e.view.intensity))
    .attr('stroke-dasharray', (e) => (colors.highContrast && e.view.bottleneck ? '6 3' : null))
    .attr('marker-end', (e) => canvas.marker(e.view.bottleneck ? 'bottleneck' : 'edge', edgeWidth(e.view.intensity)));
  groups.select('path.edge-hit').attr('d', d);
  return groups;
}

import type { Selection } from 'd3-selection';
import type { Colors } from './colors';
import type { PlacedEdgeView } from './edges';

/**
 * Draws each edge's value as `text[data-testid=edge-label]` inside the edge's group, starting
 * at its label point right of the line (dagre reserves room for it), with a halo in the
 * background colour so it stays readable where lines cross.
 */
export function renderEdgeLabels(
  edges: Selection<SVGGElement, PlacedEdgeView, SVGGElement, unknown>,
  colors: Colors,
  fontSize: number,
): void {
  edges
    .selectAll<SVGTextElement, PlacedEdgeView>('text.edge-label')
    .data((d) => [d])
    .join((enter) => enter.append('text').attr('class', 'edge-label').attr('data-testid', 'edge-label').attr('text-anchor', 'start'))
    .attr('x', (d) => d.route.label.x)
    .attr('y', (d) => d.route.label.y + fontSize * 0.35)
    .attr('font-size', Math.round(fontSize * 0.9))
    .attr('fill', (d) => (d.view.bottleneck ? colors.bottleneck : colors.foreground))
    .attr('font-weight', (d) => (d.view.bottleneck ? 700 : 400))
    .attr('stroke', colors.background)
    .attr('stroke-width', 3)
    .attr('paint-order', 'stroke')
    .text((d) => d.view.valueLabel);
}

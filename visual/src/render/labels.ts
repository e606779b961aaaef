import type { Selection } from 'd3-selection';
import type { PlacedNode } from '../layout/types';
import type { Colors } from './colors';
import type { PlacedEdgeView } from './edges';
import type { MeasureText } from './text-measure';

/** An axis-aligned box: left, top, right, bottom. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Space kept free around a label, in pixels. */
const LABEL_PAD = 1;

/** True when two boxes overlap (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Which edge labels to show so that no label overlaps a node or another label: bottleneck
 * labels first, then the strongest edges (by intensity); a label that would collide stays
 * hidden (its edge's tooltip still has the figure). Returns the ids of the shown labels.
 */
export function visibleEdgeLabels(
  edges: readonly PlacedEdgeView[],
  nodes: readonly PlacedNode[],
  fontSize: number,
  measure: MeasureText,
): Set<string> {
  const taken: Box[] = nodes.map((n) => ({
    left: n.x - n.width / 2,
    top: n.y - n.height / 2,
    right: n.x + n.width / 2,
    bottom: n.y + n.height / 2,
  }));
  const order = [...edges].sort(
    (a, b) =>
      Number(b.view.bottleneck) - Number(a.view.bottleneck) || b.view.intensity - a.view.intensity || (a.view.id < b.view.id ? -1 : 1),
  );
  const shown = new Set<string>();
  for (const edge of order) {
    if (!edge.view.valueLabel) continue;
    const box = labelBox(edge, fontSize, measure);
    if (taken.some((t) => overlaps(t, box))) continue;
    taken.push(box);
    shown.add(edge.view.id);
  }
  return shown;
}

/** The box an edge's label covers, from its start point (left, middle). */
export function labelBox(edge: PlacedEdgeView, fontSize: number, measure: MeasureText): Box {
  const width = measure(edge.view.valueLabel, fontSize, edge.view.bottleneck ? 700 : 400);
  const { x, y } = edge.route.label;
  const half = (fontSize * 1.2) / 2;
  return { left: x - LABEL_PAD, top: y - half - LABEL_PAD, right: x + width + LABEL_PAD, bottom: y + half + LABEL_PAD };
}

/**
 * Draws each shown edge's value as `text[data-testid=edge-label]` inside the edge's group,
 * starting at its label point (dagre reserves room for it), with a halo in the background
 * colour so it stays readable where lines cross. Hidden labels get no text element.
 */
export function renderEdgeLabels(
  edges: Selection<SVGGElement, PlacedEdgeView, SVGGElement, unknown>,
  colors: Colors,
  fontSize: number,
  shown: ReadonlySet<string>,
): void {
  edges
    .selectAll<SVGTextElement, PlacedEdgeView>('text.edge-label')
    .data((d) => (shown.has(d.view.id) ? [d] : []))
    .join((enter) => enter.append('text').attr('class', 'edge-label').attr('data-testid', 'edge-label').attr('text-anchor', 'start'))
    .attr('x', (d) => d.route.label.x)
    .attr('y', (d) => d.route.label.y + fontSize * 0.35)
    .attr('font-size', fontSize)
    .attr('fill', (d) => (d.view.bottleneck ? colors.bottleneck : colors.foreground))
    .attr('font-weight', (d) => (d.view.bottleneck ? 700 : 400))
    .attr('stroke', colors.background)
    .attr('stroke-width', 3)
    .attr('paint-order', 'stroke')
    .text((d) => d.view.valueLabel);
}

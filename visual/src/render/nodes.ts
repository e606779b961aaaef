import { select, type Selection } from 'd3-selection';
import type { PlacedNode } from '../layout/types';
import type { MapNodeView } from '../model/types';
import { insightColor, mix, textOn, toneColor, type Colors } from './colors';
import { LINE_HEIGHT, nameLines } from './node-size';

/** A node with its place. */
export interface PlacedNodeView {
  readonly view: MapNodeView;
  readonly box: PlacedNode;
}

/**
 * Draws activity boxes and START/END pills: `g[data-testid=node][data-activity]` with a
 * `text.node-name` and the value in `text[data-testid=node-label]`. Fill deepens with the
 * node's intensity (with the insight overlay: red by its marked share, `data-insight`); in high contrast, nodes are background-filled with a foreground outline.
 */
export function renderNodes(
  layer: Selection<SVGGElement, unknown, null, undefined>,
  nodes: readonly PlacedNodeView[],
  colors: Colors,
  fontSize: number,
): Selection<SVGGElement, PlacedNodeView, SVGGElement, unknown> {
  const groups = layer
    .selectAll<SVGGElement, PlacedNodeView>('g.node')
    .data(nodes, (d) => d.view.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'node').attr('data-testid', 'node');
      g.append('rect');
      g.append('text').attr('class', 'node-name').attr('data-testid', 'node-name').attr('text-anchor', 'middle');
      g.append('text').attr('class', 'node-value').attr('data-testid', 'node-label').attr('text-anchor', 'middle');
      return g;
    })
    .attr('data-activity', (d) => d.view.id)
    .attr('data-kind', (d) => d.view.kind)
    .attr('data-tone', (d) => (d.view.tone === null ? null : d.view.tone.toFixed(3)))
    .attr('data-insight', (d) => (d.view.insight === null ? null : d.view.insight.toFixed(3)))
    .attr('role', 'img')
    .attr('aria-label', (d) => `${d.view.name}: ${d.view.valueLabel}`)
    .classed('dimmed', (d) => d.view.highlight === 0)
    .attr('transform', (d) => `translate(${d.box.x},${d.box.y})`);
  const fill = (d: PlacedNodeView) => {
    if (colors.highContrast) return colors.background;
    if (d.view.kind !== 'activity') return colors.foreground;
    if (d.view.tone !== null) return mix(toneColor(d.view.tone, colors), colors.background, 0.1 + 0.8 * Math.abs(d.view.tone));
    if (d.view.insight !== null) return insightColor(d.view.insight, colors.background, colors);
    return mix(colors.node, colors.background, 0.15 + 0.85 * d.view.intensity);
  };
  groups
    .select('rect')
    .attr('x', (d) => -d.box.width / 2)
    .attr('y', (d) => -d.box.height / 2)
    .attr('width', (d) => d.box.width)
    .attr('height', (d) => d.box.height)
    .attr('rx', (d) => (d.view.kind === 'activity' ? 4 : d.box.height / 2))
    .attr('fill', fill)
    .attr('stroke', () => (colors.highContrast ? colors.foreground : mix(colors.node, '#000000', 0.75)))
    .attr('stroke-width', (d) => (d.view.highlight !== null && d.view.highlight > 0 ? 2.5 : 1));
  const text = (d: PlacedNodeView) => (colors.highContrast ? colors.foreground : textOn(fill(d)));
  const line = fontSize * LINE_HEIGHT;
  const baseline = (d: PlacedNodeView, i: number) => -d.box.height / 2 + 5 + line * i + fontSize * 0.95;
  groups
    .select<SVGTextElement>('text.node-name')
    .attr('font-size', fontSize)
    .attr('fill', text)
    .each(function (d) {
      select(this)
        .selectAll('tspan')
        .data(nameLines(d.view.name))
        .join('tspan')
        .attr('x', 0)
        .attr('y', (_, i) => baseline(d, i))
        .text((t) => t);
    });
  groups
    .select<SVGTextElement>('text.node-value')
    .attr('y', (d) => baseline(d, nameLines(d.view.name).length))
    .attr('font-size', fontSize)
    .attr('font-weight', 600)
    .attr('fill', text)
    .text((d) => d.view.valueLabel);
  return groups;
}

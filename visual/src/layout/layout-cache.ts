import { layoutMap, type LayoutEdgeInput, type LayoutNodeInput, type MapLayout } from './layout-map';

/**
 * Remembers the last layout and reuses it while the graph's shape (node ids and sizes, edge
 * ids and weights) is unchanged: switching between the frequency and performance views, or
 * changing the metric, redraws without laying out again.
 */
export class LayoutCache {
  private key = '';
  private layout: MapLayout | null = null;

  /** The layout of this graph, from the cache when its shape is unchanged. */
  get(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[]): MapLayout {
    const key = shapeKey(nodes, edges);
    if (this.layout && key === this.key) return this.layout;
    this.layout = layoutMap(nodes, edges);
    this.key = key;
    return this.layout;
  }
}

function shapeKey(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[]): string {
  const parts: string[] = [];
  for (const n of nodes) parts.push(`${n.id}\u001f${n.width}\u001f${n.height}`);
  parts.push('');
  for (const e of edges) parts.push(`${e.id}\u001f${e.weight}\u001f${e.labelWidth}\u001f${e.labelHeight}`);
  return parts.join('\u001e');
}

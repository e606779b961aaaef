import { layoutMap } from './layout-map';
import type { LayoutDirection, LayoutEdgeInput, LayoutNodeInput, MapLayout } from './types';

/** How many layouts are remembered (the readable-size search tries a few shapes per draw). */
const CAPACITY = 24;

/**
 * Remembers recent layouts and reuses one while the graph's shape (node ids and sizes, edge
 * ids and weights, direction) is unchanged: switching between the frequency and performance
 * views, changing the metric, or searching for the simplification that fits redraws without
 * laying out again.
 */
export class LayoutCache {
  private readonly layouts = new Map<string, MapLayout>();

  /** The layout of this graph, from the cache when its shape is unchanged. */
  get(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[], direction: LayoutDirection = 'TB', quick = false): MapLayout {
    const key = `${quick ? 'quick' : 'full'}\u001d${shapeKey(nodes, edges, direction)}`;
    const cached = this.layouts.get(key);
    if (cached) {
      this.layouts.delete(key);
      this.layouts.set(key, cached);
      return cached;
    }
    const layout = layoutMap(nodes, edges, undefined, direction, quick);
    this.layouts.set(key, layout);
    if (this.layouts.size > CAPACITY) this.layouts.delete(this.layouts.keys().next().value!);
    return layout;
  }
}

function shapeKey(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[], direction: LayoutDirection): string {
  const parts: string[] = [direction];
  for (const n of nodes) parts.push(`${n.id}\u001f${n.width}\u001f${n.height}`);
  parts.push('');
  for (const e of edges) parts.push(`${e.id}\u001f${e.weight}\u001f${e.labelWidth}\u001f${e.labelHeight}`);
  return parts.join('\u001e');
}

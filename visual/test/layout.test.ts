import { describe, expect, it } from 'vitest';
import { layoutMap, type LayoutEdgeInput, type LayoutNodeInput } from '../src/layout/layout-map';

const nodes: LayoutNodeInput[] = ['START', 'A', 'B', 'C', 'END'].map((id) => ({ id, width: 100, height: 40 }));
const edge = (from: string, to: string, weight = 1): LayoutEdgeInput => ({
  id: `${from}>${to}`,
  from,
  to,
  labelWidth: 30,
  labelHeight: 14,
  weight,
});
const edges = [
  edge('START', 'A', 3),
  edge('A', 'B', 2),
  edge('B', 'C', 2),
  edge('A', 'C'),
  edge('C', 'END', 3),
  edge('C', 'A'),
  edge('B', 'B'),
];

describe('layoutMap', () => {
  it('gives every node finite coordinates inside the drawing and every edge a route', () => {
    const layout = layoutMap(nodes, edges);
    expect([...layout.nodes.keys()].sort()).toEqual(['A', 'B', 'C', 'END', 'START']);
    for (const box of layout.nodes.values()) {
      expect(Number.isFinite(box.x) && Number.isFinite(box.y)).toBe(true);
      expect(box.x - box.width / 2).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width / 2).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height / 2).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.edges.size).toBe(edges.length);
    for (const route of layout.edges.values()) expect(route.points.length).toBeGreaterThanOrEqual(2);
  });

  it('lays START above the activities and END below them (top to bottom)', () => {
    const layout = layoutMap(nodes, edges);
    const y = (id: string) => layout.nodes.get(id)!.y;
    expect(y('START')).toBeLessThan(y('A'));
    expect(y('A')).toBeLessThan(y('B'));
    expect(y('C')).toBeLessThan(y('END'));
  });

  it('is deterministic: the same map in any input order gets the same coordinates', () => {
    const a = layoutMap(nodes, edges);
    const b = layoutMap([...nodes].reverse(), [...edges].reverse());
    expect([...b.nodes.entries()].sort()).toEqual([...a.nodes.entries()].sort());
    expect(b.edges.get('A>C')).toEqual(a.edges.get('A>C'));
  });

  it('leaves out edges to unknown nodes', () => {
    const layout = layoutMap(nodes, [...edges, edge('A', 'Z')]);
    expect(layout.edges.has('A>Z')).toBe(false);
  });

  it('routes every edge of a dense map, laying out only the strongest ones', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `n${i}`);
    const dense = ids.flatMap((a, i) => ids.map((b, j) => edge(a, b, 1 + ((i * 7 + j * 3) % 11))));
    const layout = layoutMap(
      ids.map((id) => ({ id, width: 80, height: 30 })),
      dense,
      30,
    );
    expect(layout.edges.size).toBe(dense.length);
    for (const route of layout.edges.values()) {
      expect(route.points.length).toBeGreaterThanOrEqual(2);
      for (const p of route.points) expect(p.x <= layout.width && p.y <= layout.height).toBe(true);
    }
    expect(
      layoutMap(
        ids.map((id) => ({ id, width: 80, height: 30 })),
        [...dense].reverse(),
        30,
      ).edges.get('n3>n1'),
    ).toEqual(layout.edges.get('n3>n1'));
  });

  it('lays START left of the activities and END right of them when asked for left to right', () => {
    const layout = layoutMap(nodes, edges, undefined, 'LR');
    const x = (id: string) => layout.nodes.get(id)!.x;
    expect(x('START')).toBeLessThan(x('A'));
    expect(x('A')).toBeLessThan(x('B'));
    expect(x('C')).toBeLessThan(x('END'));
  });

  it('curls a self-loop beside its node in both directions', () => {
    for (const direction of ['TB', 'LR'] as const) {
      const layout = layoutMap(nodes, edges, undefined, direction);
      const box = layout.nodes.get('B')!;
      const xs = layout.edges.get('B>B')!.points.map((p) => p.x);
      const ys = layout.edges.get('B>B')!.points.map((p) => p.y);
      const spread = direction === 'TB' ? Math.max(...ys) - Math.min(...ys) : Math.max(...xs) - Math.min(...xs);
      expect(spread, direction).toBeGreaterThanOrEqual(box[direction === 'TB' ? 'height' : 'width'] / 2);
    }
  });
});

import type { LayoutDirection, PlacedNode, Point, RoutedEdge } from './types';

/** Gap between a node's side and a side-routed edge's bend, in pixels. */
const SIDE_GAP = 36;

/** Gap between the curve and the start of its label. */
const LABEL_GAP = 5;

/**
 * Routes an edge that was left out of the layered layout (dense maps lay out only their
 * strongest edges): down edges run from the source's bottom to the target's top, up edges
 * and same-rank edges bend around the right side, self-loops curl on the right. The four
 * points are meant for a B-spline (`curveBasis`); the label starts just right of the curve's middle.
 */
export function routeExtraEdge(source: PlacedNode, target: PlacedNode, lane: number, direction: LayoutDirection = 'TB'): RoutedEdge {
  if (direction === 'TB') return routeTopDown(source, target, lane);
  const swap = (p: Point): Point => ({ x: p.y, y: p.x });
  const swapBox = (b: PlacedNode): PlacedNode => ({ x: b.y, y: b.x, width: b.height, height: b.width });
  const swapped = swapBox(source);
  const route = routeTopDown(swapped, source === target ? swapped : swapBox(target), lane);
  const mid = swap(route.label);
  return { points: route.points.map(swap), label: { x: mid.x, y: mid.y - LABEL_GAP * 2 } };
}

/**
 * The top-to-bottom routing; left to right is the same routing with x and y swapped
 * (down edges then run from the source's right side, up edges bend below the nodes).
 */
function routeTopDown(source: PlacedNode, target: PlacedNode, lane: number): RoutedEdge {
  let points: Point[];
  if (source === target) {
    const x = source.x + source.width / 2;
    const reach = SIDE_GAP + lane * 6;
    points = [
      { x, y: source.y - source.height / 4 },
      { x: x + reach, y: source.y - source.height / 2 },
      { x: x + reach, y: source.y + source.height / 2 },
      { x, y: source.y + source.height / 4 },
    ];
  } else if (target.y > source.y + source.height / 2) {
    const start = { x: source.x, y: source.y + source.height / 2 };
    const end = { x: target.x, y: target.y - target.height / 2 };
    const d = (end.y - start.y) / 3;
    points = [start, { x: start.x, y: start.y + d }, { x: end.x, y: end.y - d }, end];
  } else {
    const start = { x: source.x + source.width / 2, y: source.y };
    const end = { x: target.x + target.width / 2, y: target.y };
    const bend = Math.max(start.x, end.x) + SIDE_GAP + lane * 6;
    points = [start, { x: bend, y: start.y }, { x: bend, y: end.y }, end];
  }
  const [p0, c1, c2, p3] = points as [Point, Point, Point, Point];
  const label = { x: (p0.x + 3 * c1.x + 3 * c2.x + p3.x) / 8 + LABEL_GAP, y: (p0.y + 3 * c1.y + 3 * c2.y + p3.y) / 8 };
  return { points, label };
}

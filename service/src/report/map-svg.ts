import dagre from '@dagrejs/dagre';
import { line, curveBasis } from 'd3-shape';
import { STEP_END, STEP_START, type ProcessMap } from '@sagsflow/shared';
import { clip, esc, px } from './svg';

/** Options of `processMapSvg`. */
export interface MapSvgOptions {
  /** Edges drawn in red, as `from\u0000to`. */
  bottlenecks: ReadonlySet<string>;
  /** Leave out activities and edges with fewer cases than this. */
  minCases: number;
  /** At most this many edges (most transitions first). */
  maxEdges: number;
  format: (n: number) => string;
  title: string;
}

const NODE_H = 34;
const CHAR_W = 6.6;

/**
 * The process map as an SVG string: activities as boxes, transitions as curves with their
 * count, laid out top to bottom by dagre (a portrait A4 page); START and END as small circles. Only what is
 * readable on a page: activities and edges with at least `minCases` cases, the `maxEdges`
 * busiest edges.
 */
export function processMapSvg(map: ProcessMap, options: MapSvgOptions): string {
  const edges = map.edges
    .filter((e) => e.cases >= options.minCases)
    .sort((a, b) => b.count - a.count || (a.from + a.to < b.from + b.to ? -1 : 1))
    .slice(0, options.maxEdges);
  const used = new Set(edges.flatMap((e) => [e.from, e.to]));
  const nodes = map.nodes.filter((n) => used.has(n.activity));
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 38, edgesep: 10, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) {
    const terminal = n.activity === STEP_START || n.activity === STEP_END;
    const label = clip(n.activity, 30);
    g.setNode(n.activity, { width: terminal ? 18 : Math.max(90, label.length * CHAR_W + 16), height: terminal ? 18 : NODE_H, label });
  }
  for (const e of edges)
    if (e.from !== e.to) g.setEdge(e.from, e.to, { weight: e.count, width: 30, height: 12, labelpos: 'r', labeloffset: 6 });
  dagre.layout(g);
  const graph = g.graph();
  const width = Math.ceil(graph.width ?? 100);
  const height = Math.ceil(graph.height ?? 100);
  const maxCount = Math.max(1, ...edges.map((e) => e.count));
  const curve = line<{ x: number; y: number }>()
    .x((p) => p.x)
    .y((p) => p.y)
    .curve(curveBasis);
  const paths = edges
    .filter((e) => e.from !== e.to)
    .map((e) => {
      const placed = g.edge(e.from, e.to) as { points: { x: number; y: number }[]; x: number; y: number };
      const hot = options.bottlenecks.has(`${e.from}\u0000${e.to}`);
      const stroke = 1 + 5 * Math.sqrt(e.count / maxCount);
      return (
        `<path d="${curve(placed.points) ?? ''}" class="${hot ? 'edge hot' : 'edge'}" stroke-width="${px(stroke)}" marker-end="url(#${hot ? 'arrow-hot' : 'arrow'})"/>` +
        `<text x="${px(placed.x - 12)}" y="${px(placed.y)}" dy="0.35em" text-anchor="start" class="edge-label${hot ? ' hot' : ''}">${esc(options.format(e.count))}</text>`
      );
    });
  const boxes = nodes.map((n) => {
    const p = g.node(n.activity) as { x: number; y: number; width: number; height: number; label: string };
    if (n.activity === STEP_START || n.activity === STEP_END) {
      return `<circle cx="${px(p.x)}" cy="${px(p.y)}" r="8" class="${n.activity === STEP_START ? 'start' : 'end'}"><title>${esc(n.activity)}</title></circle>`;
    }
    return (
      `<g><rect x="${px(p.x - p.width / 2)}" y="${px(p.y - p.height / 2)}" width="${px(p.width)}" height="${px(p.height)}" rx="5" class="node"/>` +
      `<text x="${px(p.x)}" y="${px(p.y - 4)}" text-anchor="middle" class="node-label">${esc(p.label)}</text>` +
      `<text x="${px(p.x)}" y="${px(p.y + 10)}" text-anchor="middle" class="node-count">${esc(options.format(n.count))}</text><title>${esc(n.activity)}</title></g>`
    );
  });
  const defs =
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto"><path d="M0,0L10,5L0,10z" class="arrow"/></marker>` +
    `<marker id="arrow-hot" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto"><path d="M0,0L10,5L0,10z" class="arrow hot"/></marker></defs>`;
  return `<svg class="map" role="img" aria-label="${esc(options.title)}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMin meet"><title>${esc(options.title)}</title>${defs}${paths.join('')}${boxes.join('')}</svg>`;
}

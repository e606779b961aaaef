import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3-zoom';

let instances = 0;

/** The most a fitted map is enlarged. */
const MAX_FIT_SCALE = 2;

/** Arrowhead sizes in pixels, picked by the edge's stroke width. */
const MARKER_SIZES = { s: 8, m: 12, l: 16 } as const;

/** The map's svg: a zoomable viewport with one group per layer, and arrow markers. */
export class MapCanvas {
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  readonly edges: Selection<SVGGElement, unknown, null, undefined>;
  readonly nodes: Selection<SVGGElement, unknown, null, undefined>;
  /** Unique per visual instance, so two visuals on a page do not share marker ids. */
  readonly markerPrefix: string;
  private readonly viewport: Selection<SVGGElement, unknown, null, undefined>;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private contentWidth = 0;
  private contentHeight = 0;

  constructor(host: HTMLDivElement) {
    this.markerPrefix = `sagsflow-${++instances}`;
    this.svg = select(host).append('svg').attr('data-testid', 'process-map').attr('role', 'group');
    this.svg.append('defs');
    this.viewport = this.svg.append('g').attr('class', 'viewport');
    this.edges = this.viewport.append('g').attr('class', 'edges');
    this.nodes = this.viewport.append('g').attr('class', 'nodes');
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 4])
      .on('zoom', (event: { transform: { toString(): string } }) => {
        this.viewport.attr('transform', event.transform.toString());
      });
    this.svg.call(this.zoomBehavior).on('dblclick.zoom', null);
    this.svg.attr('tabindex', 0).on('keydown', (event: KeyboardEvent) => {
      if (this.handleKey(event.key)) event.preventDefault();
    });
  }

  /** Keyboard pan and zoom: arrows pan, + and - zoom, 0 fits the map. True when the key was used. */
  handleKey(key: string): boolean {
    const step = 48;
    const pan: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = pan[key];
    if (move) this.svg.call(this.zoomBehavior.translateBy, move[0], move[1]);
    else if (key === '+' || key === '=') this.zoomBy(1.25);
    else if (key === '-' || key === '_') this.zoomBy(0.8);
    else if (key === '0') this.fit();
    else return false;
    return true;
  }

  /** Zooms by a factor around the centre of the svg. */
  zoomBy(factor: number): void {
    this.svg.call(this.zoomBehavior.scaleBy, factor);
  }

  /** The current zoom factor (1 = layout pixels are CSS pixels). */
  get scale(): number {
    return zoomTransform(this.svg.node()!).k;
  }

  /** Sets the svg's size and the arrow markers' colours (one marker per colour and size). */
  resize(width: number, height: number, markerColors: Record<string, string>): void {
    this.svg.attr('width', Math.max(0, width)).attr('height', Math.max(0, height));
    const defs = this.svg.select<SVGDefsElement>('defs');
    const entries = Object.entries(markerColors).flatMap(([key, color]) =>
      Object.entries(MARKER_SIZES).map(([size, px]) => [`${key}-${size}`, color, px] as const),
    );
    defs
      .selectAll<SVGMarkerElement, readonly [string, string, number]>('marker')
      .data(entries, (d) => d[0])
      .join((enter) => {
        const marker = enter.append('marker');
        marker
          .attr('viewBox', '0 0 10 10')
          .attr('refX', 9)
          .attr('refY', 5)
          .attr('markerUnits', 'userSpaceOnUse')
          .attr('orient', 'auto-start-reverse')
          .append('path')
          .attr('d', 'M0,0 L10,5 L0,10 z');
        return marker;
      })
      .attr('id', (d) => `${this.markerPrefix}-${d[0]}`)
      .attr('markerWidth', (d) => d[2])
      .attr('markerHeight', (d) => d[2])
      .select('path')
      .attr('fill', (d) => d[1]);
  }

  /** Records the drawing's size (from the layout) for fit-to-view. */
  setContentSize(width: number, height: number): void {
    this.contentWidth = width;
    this.contentHeight = height;
  }

  /** Scales and centres the whole map in the svg (never enlarging past MAX_FIT_SCALE). */
  fit(): void {
    this.open(0, 'TB');
  }

  /**
   * The view the map opens with: the whole map when it fits at `minScale` or more (centred,
   * enlarged up to MAX_FIT_SCALE), else `minScale` with the map's start (left for left-to-right
   * maps, top for top-to-bottom ones) in view and the other axis centred; pan to see the rest.
   */
  open(minScale: number, direction: 'TB' | 'LR'): void {
    const width = Number(this.svg.attr('width')) || 0;
    const height = Number(this.svg.attr('height')) || 0;
    if (!this.contentWidth || !this.contentHeight || !width || !height) return;
    const fits = Math.min(width / this.contentWidth, height / this.contentHeight, MAX_FIT_SCALE);
    const scale = Math.max(fits, minScale);
    let x = (width - this.contentWidth * scale) / 2;
    let y = (height - this.contentHeight * scale) / 2;
    if (scale > fits && direction === 'LR' && this.contentWidth * scale > width) x = 0;
    if (scale > fits && direction === 'TB' && this.contentHeight * scale > height) y = 0;
    this.svg.call(this.zoomBehavior.transform, zoomIdentity.translate(x, y).scale(scale));
  }

  /** The url() reference of the marker for a colour key and a stroke width. */
  marker(key: string, strokeWidth: number): string {
    const size = strokeWidth <= 2.5 ? 's' : strokeWidth <= 5 ? 'm' : 'l';
    return `url(#${this.markerPrefix}-${key}-${size})`;
  }
}

/** The layout's data types, shared by the layered layout and the routing of extra edges. */

/** A box to place: its id and size in pixels. */
export interface LayoutNodeInput {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

/** An edge to route, with the size of its label (space is reserved for it). */
export interface LayoutEdgeInput {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly labelWidth: number;
  readonly labelHeight: number;
  /** Higher weight keeps the edge shorter and straighter (use its frequency). */
  readonly weight: number;
}

/** A point in layout pixels (y grows downwards). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A placed node: centre and size. */
export interface PlacedNode extends Point {
  readonly width: number;
  readonly height: number;
}

/** A routed edge: polyline points from source to target and where its label starts (left, middle). */
export interface RoutedEdge {
  readonly points: readonly Point[];
  readonly label: Point;
}

/** The laid-out map: every input node and edge by id, and the drawing's size. */
export interface MapLayout {
  readonly nodes: ReadonlyMap<string, PlacedNode>;
  readonly edges: ReadonlyMap<string, RoutedEdge>;
  readonly width: number;
  readonly height: number;
}

/** Which way the layers run: top to bottom (tall visuals) or left to right (wide ones). */
export type LayoutDirection = 'TB' | 'LR';

import type { LayoutDirection } from './layout/types';
import { LayoutCache } from './layout/layout-cache';
import { firstFitting, fitScale, readableScale, simplificationCandidates, type Simplification } from './layout/readable-simplification';
import { buildViewModel, viewBase, type ViewContext, type ViewState } from './model/build-view-model';
import type { PreparedSteps } from './model/prepare';
import type { MapViewModel } from './model/types';
import type { Colors } from './render/colors';
import { drawMap, layoutOf, type DrawnMap, type MapGeometry } from './render/draw-map';
import { MapCanvas } from './render/map-canvas';
import { createTextMeasurer, type MeasureText } from './render/text-measure';

/** What one draw of the map produced. */
export interface MapDraw {
  readonly model: MapViewModel;
  readonly drawn: DrawnMap;
  /** The simplification shown (chosen to fit while `autoSimplify`, else the sliders'). */
  readonly shown: Simplification;
  /** Activities in the unsimplified map. */
  readonly activityCount: number;
  readonly direction: LayoutDirection;
  /** Least zoom at which the smallest label renders at 11 CSS px. */
  readonly minScale: number;
}

/**
 * The map stage of the pipeline: picks the layout direction from the map area's shape (left
 * to right when it is wider than high), and while `autoSimplify` is on, the richest
 * simplification whose layout fits the area at a zoom where every label is at least 11 CSS
 * px (`readableScale`); then lays out and draws it.
 */
export class MapStage {
  readonly canvas: MapCanvas;
  private readonly layouts = new LayoutCache();
  private readonly measure: MeasureText;

  constructor(host: HTMLDivElement, fontFamily: string) {
    this.canvas = new MapCanvas(host);
    this.measure = createTextMeasurer(host.ownerDocument, fontFamily);
  }

  /** Builds the view model for `state`, simplified to fit when asked, and draws it. */
  draw(
    data: PreparedSteps,
    state: ViewState,
    context: ViewContext,
    size: { width: number; height: number },
    colors: Colors,
    fontSize: number,
  ): MapDraw {
    const direction: LayoutDirection = size.width >= size.height ? 'LR' : 'TB';
    const geometry: MapGeometry = { fontSize, measure: this.measure, direction };
    const minScale = readableScale(fontSize);
    const base = viewBase(data, state, context);
    const build = (s: Simplification, lean = true) => buildViewModel(data, { ...state, ...s }, context, base, lean);
    const activityCount = base.full.map.nodes.length - 2;
    let shown: Simplification = { activitiesPercent: state.activitiesPercent, pathsPercent: state.pathsPercent };
    if (state.autoSimplify) {
      const fits = (s: Simplification) => fitScale(layoutOf(this.layouts, build(s), geometry, true), size.width, size.height) >= minScale;
      const candidates = simplificationCandidates(activityCount);
      shown = fits(candidates[0]!) ? candidates[0]! : firstFitting(candidates, fits);
    }
    const model = build(shown, false);
    const drawn = drawMap(this.canvas, this.layouts, model, colors, geometry);
    return { model, drawn, shown, activityCount, direction, minScale };
  }
}

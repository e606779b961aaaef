import type { MapDraw } from './map-stage';
import type { ViewState } from './model/build-view-model';
import type { LegendContext } from './render/legend';
import type { ToolbarState } from './render/toolbar';

/**
 * What the toolbar shows: the view state, with the sliders at the simplification the last
 * draw showed (rounded), the draw's view mode and whether comparison is on and possible.
 */
export function toolbarState(state: ViewState, draw: MapDraw | null, jobcenters: number): ToolbarState {
  const shown = draw?.shown ?? state;
  return {
    ...state,
    activitiesPercent: Math.round(shown.activitiesPercent),
    pathsPercent: Math.round(shown.pathsPercent),
    mode: draw?.model.mode ?? state.mode,
    hasDurations: draw?.model.hasDurations ?? false,
    comparing: state.comparing !== null,
    canCompare: jobcenters > 1,
    insight: draw?.model.insightLegend?.overlay ?? (draw ? 'none' : state.insight),
    insightAvailable: draw?.model.insightAvailable ?? { rules: false, deviations: false },
  };
}

/** What the legend says about simplification: activities shown of all, when the map opened simplified to fit. */
export function legendContext(state: ViewState, draw: MapDraw | null): LegendContext {
  if (!draw || !state.autoSimplify) return { hidden: null };
  return { hidden: { shown: draw.model.nodes.filter((n) => n.kind === 'activity').length, total: draw.activityCount } };
}

/** Marks the frame's root with what the render produced, for hosts and browser tests. */
export function markRendered(root: HTMLDivElement, draw: MapDraw | null, renderCount: number): void {
  root.dataset['state'] = draw ? 'map' : 'empty';
  root.dataset['direction'] = draw?.direction ?? '';
  root.dataset['renderCount'] = String(renderCount);
}

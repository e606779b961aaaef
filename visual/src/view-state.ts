import type powerbi from 'powerbi-visuals-api';
import type { ViewState } from './model/build-view-model';
import type { ResolvedSettings } from './settings';

/** The view state the format pane sets (the selection is kept). */
export function viewStateFrom(settings: ResolvedSettings, selected: ReadonlySet<string>): ViewState {
  return {
    mode: settings.mode,
    metric: settings.metric,
    autoSimplify: settings.autoSimplify,
    activitiesPercent: settings.activitiesPercent,
    pathsPercent: settings.pathsPercent,
    selected,
    comparing: null,
    insight: 'none',
  };
}

/** True when the format pane's view settings are unchanged (then the on-visual state stays). */
export function sameViewSettings(a: ResolvedSettings, b: ResolvedSettings): boolean {
  return (
    a.mode === b.mode &&
    a.metric === b.metric &&
    a.activitiesPercent === b.activitiesPercent &&
    a.pathsPercent === b.pathsPercent &&
    a.autoSimplify === b.autoSimplify
  );
}

/** Saves the on-visual view choices into the report (the "view" card), so they survive reloads. */
export function persistViewState(host: powerbi.extensibility.visual.IVisualHost, state: ViewState): void {
  try {
    host.persistProperties?.({
      merge: [
        {
          objectName: 'view',
          selector: null as unknown as powerbi.data.Selector,
          properties: {
            mode: state.mode,
            metric: state.metric,
            activitiesPercent: Math.round(state.activitiesPercent),
            pathsPercent: Math.round(state.pathsPercent),
            autoSimplify: state.autoSimplify,
          },
        },
      ],
    });
  } catch {
    // Hosts without persistence keep the state for this session only.
  }
}

import { aggregateSteps, rankBottlenecks, simplifyMap, type ProcessMap, type StepRow } from '../../../shared/src/index';
import type { Formatter } from '../format/formatter';
import type { Localizer } from '../i18n';
import type { PerformanceMetric, ViewMode } from '../settings';
import { edgeId, edgeViews, nodeViews } from './map-views';
import type { PreparedSteps } from './prepare';
import type { MapViewModel } from './types';
import { variantRows } from './variant-rows';

/** The interactive state: what the toolbar and the variant pane set. */
export interface ViewState {
  mode: ViewMode;
  metric: PerformanceMetric;
  activitiesPercent: number;
  pathsPercent: number;
  selected: ReadonlySet<string>;
}

/** Formatting and the format-pane numbers the view model needs. */
export interface ViewContext {
  formatter: Formatter;
  t: Localizer['t'];
  groupCount: (count: number) => string;
  bottleneckCount: number;
  minimumGroupSize: number;
  maxRows: number;
}

/**
 * The view model for one state: rows filtered to the selected variants, aggregated into a
 * process map, simplified with the two sliders, the top-N bottlenecks by total waiting time
 * marked, highlights matched onto nodes and edges, and the variant rows.
 * @example buildViewModel(prepareSteps(rows, null, true), state, context)
 */
export function buildViewModel(data: PreparedSteps, state: ViewState, context: ViewContext): MapViewModel {
  const selected = state.selected;
  const inSelection = (row: StepRow) => selected.size === 0 || selected.has(row.variantKey);
  const full = selected.size === 0 ? data.all : aggregateSteps(data.rows.filter(inSelection));
  const simplified = simplify(full.map, state);
  const bottlenecks = new Set(
    (data.hasDurations ? rankBottlenecks(simplified, context.bottleneckCount) : []).map((e) => edgeId(e.from, e.to)),
  );
  const highlighted = data.highlightRows ? aggregateSteps(data.highlightRows.filter(inSelection)).map : null;
  const mode = data.hasDurations ? state.mode : 'frequency';
  const options = { mode, metric: state.metric, formatter: context.formatter, t: context.t, groupCount: context.groupCount, bottlenecks, highlighted };
  return {
    mode,
    metric: state.metric,
    nodes: nodeViews(simplified, options),
    edges: edgeViews(simplified, options),
    variants: variantRows(data.all.variants, { ...context, selected }),
    totalCases: full.cases,
    highlighting: highlighted !== null,
    hasDurations: data.hasDurations,
  };
}

function simplify(map: ProcessMap, state: ViewState): ProcessMap {
  if (state.activitiesPercent >= 100 && state.pathsPercent >= 100) return map;
  return simplifyMap(map, { activityPercent: state.activitiesPercent, pathPercent: state.pathsPercent });
}

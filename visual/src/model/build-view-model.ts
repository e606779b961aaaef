import {
  aggregateStepInsight,
  aggregateSteps,
  insightEdgeKey,
  markBottlenecks,
  simplifyMap,
  STEP_END,
  STEP_START,
  type AggregatedInsight,
  type AggregatedSteps,
  type ProcessMap,
  type ProcessMapEdge,
  type StepRow,
} from '@sagsflow/shared';
import type { Formatter } from '../format/formatter';
import type { Localizer } from '../i18n';
import type { PerformanceMetric, ViewMode } from '../settings';
import { jobcenterDifferences } from './compare-jobcenters';
import { metricSeconds } from './metric';
import { edgeId, edgeViews, nodeViews } from './map-views';
import { insightShare, variantFindings, type InsightOverlay } from './insight-views';
import type { PreparedSteps } from './prepare';
import type { MapViewModel } from './types';
import { variantRows } from './variant-rows';

/** The interactive state: what the toolbar and the variant pane set. */
export interface ViewState {
  mode: ViewMode;
  metric: PerformanceMetric;
  /** True while the map picks its own simplification (until a slider is moved). */
  autoSimplify: boolean;
  activitiesPercent: number;
  pathsPercent: number;
  selected: ReadonlySet<string>;
  /** The jobcenter compared with the rest (comparison mode), or null. */
  comparing: string | null;
  /** What the map is coloured by besides its view: rule violations, deviations from the model, or nothing. */
  insight: InsightOverlay;
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
 * process map, simplified with the two sliders, bottlenecks marked in the performance view
 * (`markBottlenecks` on the unsimplified map, as the findings use it: the `bottleneckCount`
 * longest median waits among edges of at least max(k, 5 %) of the cases; the simplification
 * keeps their activities first),
 * highlights matched onto nodes and edges, and the variant rows. `lean` leaves out the
 * highlights, the comparison and the variant rows (for trying simplifications by layout).
 * @example buildViewModel(prepareSteps(rows, null, true), state, context)
 */
export function buildViewModel(
  data: PreparedSteps,
  state: ViewState,
  context: ViewContext,
  base = viewBase(data, state, context),
  lean = false,
): MapViewModel {
  const selected = state.selected;
  const inSelection = (row: StepRow) => selected.size === 0 || selected.has(row.variantKey);
  const { full, mode, found, keep } = base;
  const simplified = simplify(full.map, state, keep);
  const shownEdges = new Set(simplified.edges.map((e) => edgeId(e.from, e.to)));
  const marked = (found?.edges ?? []).filter((e) => shownEdges.has(edgeId(e.from, e.to)));
  const bottlenecks = new Set(marked.map((e) => edgeId(e.from, e.to)));
  const highlighted = data.highlightRows && !lean ? aggregateSteps(data.highlightRows.filter(inSelection)).map : null;
  const centers = data.dimensions.jobcenter;
  const differences =
    state.comparing !== null && centers && !lean
      ? jobcenterDifferences(
          selected.size === 0 ? data.rows : data.rows.filter(inSelection),
          selected.size === 0 ? centers : centers.filter((_, i) => inSelection(data.rows[i]!)),
          state.comparing,
          { mode, metric: state.metric, formatter: context.formatter, edgeId },
        )
      : null;
  const overlay = base.insight ? availableOverlay(state.insight, base.insight) : 'none';
  const insight = base.insight ? { insight: base.insight, overlay, t: context.t, groupCount: context.groupCount } : null;
  const insightMax = base.insight && overlay !== 'none' && differences === null ? largestShare(simplified, base.insight, overlay) : 0;
  const options = {
    insight: differences === null ? insight : null,
    insightMax,
    mode,
    metric: state.metric,
    formatter: context.formatter,
    t: context.t,
    groupCount: context.groupCount,
    bottlenecks,
    highlighted,
    full: full.map,
    differences,
  };
  return {
    bottleneckLegend: found
      ? { count: context.bottleneckCount, minCases: found.minCases, marked: marked.length, found: found.edges.length }
      : null,
    mode,
    metric: state.metric,
    nodes: nodeViews(simplified, options),
    edges: edgeViews(simplified, options),
    variants: lean ? [] : variantRows(data.all.variants, { ...context, selected, findings: variantFindings(data.rows, context.t) }),
    insightLegend: insight && overlay !== 'none' && differences === null ? { overlay, maxShare: insightMax } : null,
    insightAvailable: { rules: base.insight?.hasRules ?? false, deviations: base.insight?.hasDeviations ?? false },
    totalCases: full.cases,
    highlighting: highlighted !== null,
    hasDurations: data.hasDurations,
    comparing: differences?.jobcenter ?? null,
  };
}

/** What every simplification of one state shares: the selection's map, the view, its bottlenecks. */
export interface ViewBase {
  readonly full: AggregatedSteps;
  readonly mode: ViewMode;
  readonly found: { readonly edges: readonly ProcessMapEdge[]; readonly minCases: number } | null;
  /** Activities the simplification keeps first (the ends of the marked bottlenecks; with an overlay, the most marked activities). */
  readonly keep: readonly string[];
  /** The selection's rule-violation and deviation counts; null when no insight column is bound. */
  readonly insight: AggregatedInsight | null;
}

/**
 * The part of the view model that does not depend on the sliders, computed once when a draw
 * tries several simplifications (`buildViewModel`'s `base`).
 */
export function viewBase(
  data: PreparedSteps,
  state: ViewState,
  context: Pick<ViewContext, 'bottleneckCount' | 'minimumGroupSize'>,
): ViewBase {
  const selected = state.selected;
  const full = selected.size === 0 ? data.all : aggregateSteps(data.rows.filter((row) => selected.has(row.variantKey)));
  const mode = data.hasDurations ? state.mode : 'frequency';
  const found = mode === 'performance' ? bottlenecksOf(full, context) : null;
  const insight =
    data.insight && selected.size > 0 ? aggregateStepInsight(data.rows.filter((row) => selected.has(row.variantKey))) : data.insight;
  const overlay = insight ? availableOverlay(state.insight, insight) : 'none';
  const keep = [...(found?.edges ?? []).flatMap((e) => [e.from, e.to]), ...(insight ? mostMarked(insight, overlay) : [])];
  return { full, mode, found, keep, insight };
}

/** Share of all cases a bottleneck edge must carry (the findings' default). */
const BOTTLENECK_MIN_SHARE = 0.05;

/**
 * The bottlenecks of the unsimplified map by the definition the findings use
 * (`markBottlenecks`): among the waits between two activities taken by at least
 * max(k, 5 % of the cases) cases, the `bottleneckCount` longest medians (ties at the cut too).
 */
function bottlenecksOf(
  full: AggregatedSteps,
  context: Pick<ViewContext, 'bottleneckCount' | 'minimumGroupSize'>,
): NonNullable<ViewBase['found']> {
  const timed = full.map.edges.filter((e) => e.from !== STEP_START && e.to !== STEP_END);
  const candidates = timed.map((e) => ({ from: e.from, to: e.to, cases: e.cases, medianWaitMs: (metricSeconds(e, 'median') || 0) * 1000 }));
  const options = {
    count: context.bottleneckCount,
    minGroupSize: context.minimumGroupSize,
    minShare: BOTTLENECK_MIN_SHARE,
    totalCases: full.cases,
  };
  const minCases = Math.max(options.minGroupSize, Math.ceil(options.minShare * options.totalCases));
  return { edges: markBottlenecks(candidates, options).map((i) => timed[i]!), minCases };
}

function simplify(map: ProcessMap, state: ViewState, keepActivities: readonly string[]): ProcessMap {
  if (state.activitiesPercent >= 100 && state.pathsPercent >= 100) return map;
  return simplifyMap(map, { activityPercent: state.activitiesPercent, pathPercent: state.pathsPercent, keepActivities });
}

/** Activities the simplification keeps with an overlay on: the `MOST_MARKED` with the largest marked share. */
const MOST_MARKED = 3;

function mostMarked(insight: AggregatedInsight, overlay: InsightOverlay): string[] {
  if (overlay === 'none') return [];
  return [...insight.activities]
    .filter(([activity]) => activity !== STEP_END)
    .map(([activity, counts]) => ({ activity, share: insightShare(counts, overlay, 'activity') ?? 0 }))
    .filter((a) => a.share > 0)
    .sort((a, b) => b.share - a.share || (a.activity < b.activity ? -1 : 1))
    .slice(0, MOST_MARKED)
    .map((a) => a.activity);
}

/** The overlay asked for when the rows can show it, else none. */
function availableOverlay(overlay: InsightOverlay, insight: AggregatedInsight): InsightOverlay {
  if (overlay === 'rules') return insight.hasRules ? 'rules' : 'none';
  if (overlay === 'deviations') return insight.hasDeviations ? 'deviations' : 'none';
  return 'none';
}

/** The largest marked share of an activity or edge on the map (the overlay's darkest colour). */
function largestShare(map: ProcessMap, insight: AggregatedInsight, overlay: InsightOverlay): number {
  let max = 0;
  for (const n of map.nodes) {
    if (n.activity === STEP_START || n.activity === STEP_END) continue;
    max = Math.max(max, insightShare(insight.activities.get(n.activity), overlay, 'activity') ?? 0);
  }
  for (const e of map.edges) max = Math.max(max, insightShare(insight.edges.get(insightEdgeKey(e.from, e.to)), overlay, 'edge') ?? 0);
  return max;
}

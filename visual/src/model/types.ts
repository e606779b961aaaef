import type { PerformanceMetric, ViewMode } from '../settings';
import type { FindingLine, InsightOverlay } from './insight-views';

/** One line of a tooltip: a label and its formatted value. */
export interface TooltipLine {
  readonly label: string;
  readonly value: string;
}

/** A node as drawn: an activity or the START/END marker, with its display text. */
export interface MapNodeView {
  /** Activity name, or STEP_START / STEP_END. Also `data-activity`. */
  readonly id: string;
  readonly kind: 'activity' | 'start' | 'end';
  /** The text drawn as the node's name ("Start"/"End" for the markers). */
  readonly name: string;
  /** The number drawn under the name: count or duration, locale formatted, "<k" when small. */
  readonly valueLabel: string;
  /** 0..1: how strongly to shade the node (its value over the largest). */
  readonly intensity: number;
  readonly tooltip: readonly TooltipLine[];
  /** Highlighted share from a selection elsewhere: null when nothing is highlighted. */
  readonly highlight: number | null;
  /** Comparison mode: -1..1, the compared jobcenter fewer/shorter (-) or more/longer (+); else null. */
  readonly tone: number | null;
  /** Insight overlay: 0..1, the node's marked share over the map's largest (`insightShare`); null when off. */
  readonly insight: number | null;
}

/** An edge as drawn. `id` is `from → to` (unique per pair). */
export interface MapEdgeView {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly valueLabel: string;
  /** 0..1: stroke width scale (its value over the largest). */
  readonly intensity: number;
  /** Frequency, used as the layout weight. */
  readonly transitions: number;
  readonly bottleneck: boolean;
  readonly tooltip: readonly TooltipLine[];
  readonly highlight: number | null;
  /** Comparison mode: as on nodes. */
  readonly tone: number | null;
  /** Insight overlay: as on nodes. */
  readonly insight: number | null;
}

/** One row of the variant pane. */
export interface VariantRowView {
  /** The variant key, or OTHER_VARIANTS_KEY for the merged small variants. */
  readonly key: string;
  readonly label: string;
  /** The activities in order, for the row's title. */
  readonly activities: readonly string[];
  readonly casesLabel: string;
  readonly shareLabel: string;
  /** 0..1 share of all cases, for the share bar. */
  readonly share: number;
  readonly meanDurationLabel: string;
  /** 0..1: mean duration over the longest variant's, for the duration bar. */
  readonly durationFraction: number;
  /** False for "other variants" (it has no single key to select). */
  readonly selectable: boolean;
  readonly selected: boolean;
  readonly tooltip: readonly TooltipLine[];
  /** The variant's top findings (the step table's `findings` column), listed under it. */
  readonly findings: readonly FindingLine[];
}

/** Key of the merged row of variants under the minimum group size (the shared core's). */
export { OTHER_VARIANTS_KEY } from '@sagsflow/shared';

/** Everything the render layer draws for one state of the visual. */
export interface MapViewModel {
  readonly mode: ViewMode;
  readonly metric: PerformanceMetric;
  readonly nodes: readonly MapNodeView[];
  readonly edges: readonly MapEdgeView[];
  readonly variants: readonly VariantRowView[];
  /** Cases in the rows the map is built from (after the variant filter). */
  readonly totalCases: number;
  /** True when a selection elsewhere highlights part of the map. */
  readonly highlighting: boolean;
  /** True when durations are available (performance view possible). */
  readonly hasDurations: boolean;
  /** The jobcenter the map is coloured against the rest for (comparison mode), or null. */
  readonly comparing: string | null;
  /** What the bottleneck marking means on this map (performance view), or null (frequency view). */
  readonly bottleneckLegend: BottleneckLegend | null;
  /** The insight overlay and the largest marked share on the map (the darkest colour), or null when off. */
  readonly insightLegend: InsightLegend | null;
  /** Which insight overlays the rows can show (their columns are bound). */
  readonly insightAvailable: { readonly rules: boolean; readonly deviations: boolean };
}

/** What the insight colouring means on this map. */
export interface InsightLegend {
  readonly overlay: Exclude<InsightOverlay, 'none'>;
  /** 0..1: the largest marked share of a node or edge shown (drawn darkest); 0 when nothing is marked. */
  readonly maxShare: number;
}

/** The figures of the bottleneck legend. */
export interface BottleneckLegend {
  /** How many longest median waits are marked (the format pane's *Bottlenecks*). */
  readonly count: number;
  /** Fewest cases an edge needs: max(k, 5 % of the cases). */
  readonly minCases: number;
  /** Edges marked (bottlenecks shown on this map). */
  readonly marked: number;
  /** Bottlenecks on the unsimplified map (some may be hidden by the simplification). */
  readonly found: number;
}

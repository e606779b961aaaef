import { STEP_END, STEP_START, type ProcessMap, type ProcessMapEdge } from '@sagsflow/shared';
import type { Formatter } from '../format/formatter';
import type { Localizer } from '../i18n';
import type { PerformanceMetric, ViewMode } from '../settings';
import type { Difference, Differences } from './compare-jobcenters';
import { estimateLabel, isEstimate, metricSeconds, sumSamples, type DurationSample } from './metric';
import { insightEdgeKey } from '@sagsflow/shared';
import { insightLines, insightShare, type InsightContext } from './insight-views';
import type { MapEdgeView, MapNodeView, TooltipLine } from './types';

/** What node and edge views are built with. */
export interface MapViewOptions {
  mode: ViewMode;
  metric: PerformanceMetric;
  formatter: Formatter;
  t: Localizer['t'];
  /** Formats a count under the minimum group size rule ("<k"). */
  groupCount: (count: number) => string;
  /** `from → to` keys of the bottleneck edges. */
  bottlenecks: ReadonlySet<string>;
  /** Highlighted map (same rows, highlighted cases only), or null. */
  highlighted: ProcessMap | null;
  /**
   * The map before simplification: an activity's waiting time is read from its incoming
   * edges there, so a simplified map still shows exact figures on every kept activity.
   */
  full: ProcessMap;
  /** One jobcenter against the rest (comparison mode), or null. */
  differences: Differences | null;
  /** The rows' rule-violation and deviation counts and the overlay, or null when no insight column is bound. */
  insight: InsightContext | null;
  /** The largest marked share on the map (`insightShare`), so that views scale to it. */
  insightMax: number;
}

function scaledInsight(share: number | null, max: number): number | null {
  if (share === null) return null;
  return max > 0 ? share / max : 0;
}

function differenceLines(d: Difference | undefined, options: MapViewOptions): TooltipLine[] {
  if (!d || !options.differences) return [];
  const { t } = options;
  return [
    { label: options.differences.jobcenter, value: d.own },
    { label: t('Compare_Rest'), value: d.rest },
    { label: t('Compare_Difference'), value: d.difference },
  ];
}

/** A duration label, with ≈ when it is an estimate. */
function durationLabel(seconds: number, estimated: boolean, formatter: Formatter): string {
  const text = formatter.duration(seconds);
  return estimated ? estimateLabel(text) : text;
}

/** The id of an edge: `from → to`. */
export function edgeId(from: string, to: string): string {
  return `${from}\u2192${to}`;
}

/**
 * Node views: events in the frequency view; in the performance view the chosen metric of the
 * time before the activity (its incoming transitions), START/END show their cases.
 */
export function nodeViews(map: ProcessMap, options: MapViewOptions): MapNodeView[] {
  const { formatter, t, mode, metric } = options;
  const incoming = new Map<string, ProcessMapEdge[]>();
  for (const e of options.full.edges) if (e.from !== STEP_START) incoming.set(e.to, [...(incoming.get(e.to) ?? []), e]);
  const highlight = countsOf(options.highlighted?.nodes.map((n) => [n.activity, n.count] as const));
  const values = map.nodes.map((node) => {
    const marker = node.activity === STEP_START || node.activity === STEP_END;
    const sample: DurationSample = sumSamples(incoming.get(node.activity) ?? []);
    const seconds = mode === 'performance' && !marker ? metricSeconds(sample, metric) : Number.NaN;
    return { node, marker, sample, seconds };
  });
  const max = Math.max(0, ...values.filter((v) => !v.marker).map((v) => (mode === 'performance' ? v.seconds || 0 : v.node.count)));
  return values.map(({ node, marker, sample, seconds }) => {
    const kind = node.activity === STEP_START ? 'start' : node.activity === STEP_END ? 'end' : 'activity';
    const name = kind === 'start' ? t('Node_Start') : kind === 'end' ? t('Node_End') : node.activity;
    const value = mode === 'performance' && !marker ? seconds : node.count;
    const valueLabel =
      mode === 'performance' && !marker ? durationLabel(seconds, isEstimate(metric), formatter) : options.groupCount(node.count);
    const tooltip: TooltipLine[] = [
      { label: t('Tooltip_Activity'), value: name },
      { label: marker ? t('Tooltip_Cases') : t('Tooltip_Events'), value: options.groupCount(node.count) },
    ];
    if (!marker && node.cases !== node.count) tooltip.push({ label: t('Tooltip_Cases'), value: options.groupCount(node.cases) });
    if (!marker && sample.count > 0) tooltip.push(...durationLines(sample, options));
    const difference = options.differences?.nodes.get(node.activity);
    tooltip.push(...differenceLines(difference, options));
    const counts = marker ? undefined : options.insight?.insight.activities.get(node.activity);
    if (options.insight) tooltip.push(...insightLines(counts, options.insight, 'activity'));
    const share = options.insight && !marker ? insightShare(counts, options.insight.overlay, 'activity') : null;
    return {
      insight: scaledInsight(share, options.insightMax),
      tone: options.differences && !marker ? (difference?.tone ?? 0) : null,
      id: node.activity,
      kind,
      name,
      valueLabel,
      intensity: marker || !(max > 0) ? 0 : Math.max(0, value || 0) / max,
      tooltip,
      highlight: options.highlighted ? ratio(highlight.get(node.activity), node.count) : null,
    };
  });
}

/** Edge views: transitions (frequency) or the chosen metric (performance; markers' edges blank). */
export function edgeViews(map: ProcessMap, options: MapViewOptions): MapEdgeView[] {
  const { formatter, t, mode, metric } = options;
  const highlight = countsOf(options.highlighted?.edges.map((e) => [edgeId(e.from, e.to), e.count] as const));
  const timed = (e: ProcessMapEdge) => e.from !== STEP_START && e.to !== STEP_END;
  const valueOf = (e: ProcessMapEdge) => (mode === 'performance' ? (timed(e) ? metricSeconds(e, metric) : Number.NaN) : e.count);
  const max = Math.max(0, ...map.edges.map((e) => valueOf(e) || 0));
  return map.edges.map((e) => {
    const id = edgeId(e.from, e.to);
    const value = valueOf(e);
    const estimated = e.abstracted === true || isEstimate(metric);
    const countLabel = e.abstracted ? `≈ ${options.groupCount(e.count)}` : options.groupCount(e.count);
    const valueLabel = mode === 'performance' ? (timed(e) ? durationLabel(value, estimated, formatter) : '') : countLabel;
    const tooltip: TooltipLine[] = [
      { label: t('Tooltip_Activity'), value: `${displayMarker(e.from, t)} → ${displayMarker(e.to, t)}` },
      { label: t('Tooltip_Transitions'), value: countLabel },
    ];
    if (timed(e) && e.count > 0) tooltip.push(...durationLines(e, options, e.abstracted === true));
    if (e.abstracted) tooltip.push({ label: t('Tooltip_Estimate'), value: t('Tooltip_Abstracted') });
    if (options.bottlenecks.has(id)) tooltip.push({ label: t('Tooltip_Bottleneck'), value: t('Legend_Bottleneck') });
    const difference = options.differences?.edges.get(id);
    tooltip.push(...differenceLines(difference, options));
    const counts = options.insight?.insight.edges.get(insightEdgeKey(e.from, e.to));
    if (options.insight) tooltip.push(...insightLines(counts, options.insight, 'edge'));
    const share = options.insight ? insightShare(counts, options.insight.overlay, 'edge') : null;
    return {
      insight: scaledInsight(share, options.insightMax),
      tone: options.differences ? (difference?.tone ?? 0) : null,
      id,
      from: e.from,
      to: e.to,
      valueLabel,
      intensity: max > 0 ? Math.max(0, value || 0) / max : 0,
      transitions: e.count,
      bottleneck: options.bottlenecks.has(id),
      tooltip,
      highlight: options.highlighted ? ratio(highlight.get(id), e.count) : null,
    };
  });
}

function durationLines(sample: DurationSample, { formatter, t }: MapViewOptions, estimated = false): TooltipLine[] {
  const lines: TooltipLine[] = [{ label: t('Tooltip_Mean'), value: durationLabel(metricSeconds(sample, 'mean'), estimated, formatter) }];
  if (sample.histogram || sample.fine) {
    lines.push({ label: t('Tooltip_Median'), value: durationLabel(metricSeconds(sample, 'median'), true, formatter) });
    lines.push({ label: t('Tooltip_P90'), value: durationLabel(metricSeconds(sample, 'p90'), true, formatter) });
  }
  lines.push({ label: t('Tooltip_Total'), value: durationLabel(sample.sumSeconds, estimated, formatter) });
  return lines;
}

/** A duration label, marked "≈" for the metrics rebuilt from histograms. */

function displayMarker(activity: string, t: Localizer['t']): string {
  return activity === STEP_START ? t('Node_Start') : activity === STEP_END ? t('Node_End') : activity;
}

function countsOf(entries: readonly (readonly [string, number])[] | undefined): Map<string, number> {
  return new Map(entries ?? []);
}

function ratio(part: number | undefined, whole: number): number {
  return whole > 0 ? Math.min(1, (part ?? 0) / whole) : 0;
}

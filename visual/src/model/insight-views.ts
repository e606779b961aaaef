import { readFindingNotes, type AggregatedInsight, type InsightCounts, type RuleName, type StepRow } from '@sagsflow/shared';
import type { Localizer } from '../i18n';
import type { TooltipLine } from './types';

/** What the map is coloured by on top of its view: nothing, rule violations, or deviations from the model. */
export type InsightOverlay = 'none' | 'rules' | 'deviations';

/** The overlays a toolbar offers, in order. */
export const INSIGHT_OVERLAYS: readonly InsightOverlay[] = ['none', 'rules', 'deviations'];

/** A finding listed beside a variant, in the report's language. */
export interface FindingLine {
  readonly id: string;
  readonly kind: string;
  readonly text: string;
}

/** What node and edge views read of the insight columns. */
export interface InsightContext {
  readonly insight: AggregatedInsight;
  readonly overlay: InsightOverlay;
  readonly t: Localizer['t'];
  readonly groupCount: (count: number) => string;
}

/**
 * The share of an element's cases the overlay colours it by: rules: the cases that broke a rule
 * there; deviations: on an activity the cases that did it off the model (log moves), on an edge
 * the cases that skipped a model step during it (model moves). Null when the overlay is off.
 */
export function insightShare(counts: InsightCounts | undefined, overlay: InsightOverlay, element: 'activity' | 'edge'): number | null {
  if (overlay === 'none') return null;
  if (!counts || counts.cases <= 0) return 0;
  const marked = overlay === 'rules' ? counts.violationCases : element === 'activity' ? counts.logMoveCases : counts.modelMoveCases;
  return Math.min(1, marked / counts.cases);
}

/** The rule's id and its title in the report's language. */
export function ruleLabel(rule: RuleName, t: Localizer['t']): string {
  return `${rule.rule} ${t('Insight_Language') === 'da' ? rule.da : rule.en}`;
}

/**
 * Tooltip lines naming what the insight columns say about an element: cases with rule
 * violations and the rules (id and title), cases off the model, cases that skipped a model step
 * and the skipped activities. Nothing for an element without marks.
 */
export function insightLines(counts: InsightCounts | undefined, context: InsightContext, element: 'activity' | 'edge'): TooltipLine[] {
  if (!counts) return [];
  const { t, groupCount, insight } = context;
  const lines: TooltipLine[] = [];
  if (insight.hasRules && counts.violationCases > 0) {
    lines.push({ label: t('Tooltip_Violations'), value: groupCount(counts.violationCases) });
    for (const rule of counts.rules) lines.push({ label: t('Tooltip_Rules'), value: ruleLabel(rule, t) });
  }
  if (insight.hasDeviations && counts.logMoveCases > 0)
    lines.push({ label: t('Tooltip_LogMoves'), value: groupCount(counts.logMoveCases) });
  if (insight.hasDeviations && counts.modelMoveCases > 0 && element === 'edge') {
    lines.push({ label: t('Tooltip_ModelMoves'), value: groupCount(counts.modelMoveCases) });
    if (counts.skipped.length > 0) lines.push({ label: t('Tooltip_Skipped'), value: counts.skipped.join(', ') });
  }
  return lines;
}

/**
 * The findings listed beside each variant, from the `findings` text of its step-0 rows: the
 * union over the rows (e.g. jobcenters) in the rows' order, each finding once, at most `limit`.
 */
export function variantFindings(rows: readonly StepRow[], t: Localizer['t'], limit = 3): Map<string, FindingLine[]> {
  const danish = t('Insight_Language') === 'da';
  const out = new Map<string, FindingLine[]>();
  for (const row of rows) {
    if (row.stepIndex !== 0 || !row.findings) continue;
    const list = out.get(row.variantKey) ?? [];
    for (const note of readFindingNotes(row.findings)) {
      if (list.length >= limit || list.some((f) => f.id === note.id)) continue;
      list.push({ id: note.id, kind: note.kind, text: danish ? note.da : note.en });
    }
    out.set(row.variantKey, list);
  }
  return out;
}

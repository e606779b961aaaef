import { applyMinimumGroupSize, type StepVariant } from '@sagsflow/shared';
import type { Formatter } from '../format/formatter';
import type { Localizer } from '../i18n';
import type { FindingLine } from './insight-views';
import type { VariantRowView } from './types';

/** What variant rows are built with. */
export interface VariantRowOptions {
  formatter: Formatter;
  t: Localizer['t'];
  groupCount: (count: number) => string;
  minimumGroupSize: number;
  maxRows: number;
  selected: ReadonlySet<string>;
  /** The findings listed beside each variant (`variantFindings`); none when absent. */
  findings?: ReadonlyMap<string, readonly FindingLine[]>;
}

/**
 * Rows of the variant pane, most cases first: variants with at least `minimumGroupSize`
 * cases (up to `maxRows`), then one "other variants" row merging the smaller ones
 * (`applyMinimumGroupSize`), so no row shows a group under k. Shares are of all cases;
 * duration bars are relative to the slowest row shown.
 */
export function variantRows(variants: readonly StepVariant[], options: VariantRowOptions): VariantRowView[] {
  const { formatter, t } = options;
  const k = Math.max(1, Math.round(options.minimumGroupSize));
  const byKey = new Map(variants.map((v) => [v.variantKey, v] as const));
  const smallSeconds = variants.filter((v) => v.cases < k).reduce((sum, v) => sum + v.sumSeconds, 0);
  const grouped = applyMinimumGroupSize(variants, k);
  const shown = [...grouped.filter((g) => !g.isOther).slice(0, options.maxRows), ...grouped.filter((g) => g.isOther)];
  const rows = shown.map((g, i) => {
    const seconds = g.isOther ? smallSeconds : (byKey.get(g.key)?.sumSeconds ?? 0);
    return {
      group: g,
      label: g.isOther
        ? `${t('Variants_Other')} (${formatter.count(g.variants)})`
        : `${t('Tooltip_Variant')} ${byKey.get(g.key)?.rank ?? i + 1}`,
      meanSeconds: g.cases > 0 ? seconds / g.cases : 0,
    };
  });
  const slowest = Math.max(0, ...rows.map((r) => r.meanSeconds));
  return rows.map(({ group, label, meanSeconds }) => {
    const casesLabel = options.groupCount(group.cases);
    const shareLabel = formatter.percent(group.share);
    const meanDurationLabel = formatter.duration(meanSeconds);
    const tooltip = [
      { label: t('Tooltip_Variant'), value: label },
      { label: t('Tooltip_Cases'), value: casesLabel },
      { label: t('Tooltip_Share'), value: shareLabel },
      { label: t('Variants_MeanDuration'), value: meanDurationLabel },
    ];
    if (group.activities.length > 0) tooltip.push({ label: t('Tooltip_Path'), value: pathText(group.activities) });
    return {
      key: group.key,
      label,
      activities: group.activities,
      casesLabel,
      share: group.share,
      shareLabel,
      meanDurationLabel,
      durationFraction: slowest > 0 ? meanSeconds / slowest : 0,
      selectable: !group.isOther,
      selected: options.selected.has(group.key),
      tooltip,
      findings: group.isOther ? [] : (options.findings?.get(group.key) ?? []),
    };
  });
}

/** The activities joined by arrows, cut after 12 steps. */
function pathText(activities: readonly string[]): string {
  const shown = activities.slice(0, 12).join(' → ');
  return activities.length > 12 ? `${shown} → … (${activities.length})` : shown;
}

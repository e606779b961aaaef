import type { Localizer } from '../i18n';
import type { MapViewModel } from '../model/types';
import { INSIGHT_COLOR, type Colors } from './colors';

/** What the legend says besides the view model: how much the map was simplified to fit. */
export interface LegendContext {
  /** Activities shown and in the data, when the map opened simplified to fit. */
  readonly hidden: { readonly shown: number; readonly total: number } | null;
}

/**
 * Draws the legend under the map (`[data-testid=map-legend]`): in the performance view what
 * red means (the shared bottleneck definition) with the map's typical wait and threshold; in
 * the frequency view that line width is volume and bottlenecks are in the performance view;
 * in comparison mode what the colours mean; with the insight overlay what red means and the
 * share drawn darkest; that ≈ marks estimates; and whether the map was
 * simplified to fit.
 */
export function renderLegend(
  container: HTMLDivElement,
  model: MapViewModel | null,
  context: LegendContext,
  colors: Colors,
  t: Localizer['t'],
): void {
  container.replaceChildren();
  container.hidden = model === null || model.nodes.length === 0;
  if (!model) return;
  const doc = container.ownerDocument;
  const add = (testid: string, text: string, swatch?: string) => {
    const span = doc.createElement('span');
    span.dataset['testid'] = testid;
    if (swatch) {
      const mark = doc.createElement('i');
      mark.className = 'swatch';
      mark.style.background = swatch;
      span.appendChild(mark);
    }
    span.appendChild(doc.createTextNode(text));
    container.appendChild(span);
  };
  if (model.comparing !== null) {
    add('legend-compare', `${model.comparing} ${t('Compare_Legend')}`);
  } else if (model.insightLegend) {
    const { overlay, maxShare } = model.insightLegend;
    const text =
      maxShare > 0
        ? t(overlay === 'rules' ? 'Legend_Rules' : 'Legend_Deviations').replace('{0}', formatShare(maxShare))
        : t('Legend_NoInsight').replace('{0}', t(overlay === 'rules' ? 'Legend_NoInsightRules' : 'Legend_NoInsightDeviations'));
    add('legend-insight', text, maxShare > 0 ? (colors.highContrast ? colors.foreground : INSIGHT_COLOR) : undefined);
  } else if (model.mode === 'performance' && model.bottleneckLegend) {
    const b = model.bottleneckLegend;
    const shown = b.marked < b.found ? ` · ${t('Legend_Shown').replace('{0}', String(b.marked)).replace('{1}', String(b.found))}` : '';
    const definition = t('Legend_Bottleneck').replace('{0}', String(b.count)).replace('{1}', String(b.minCases));
    const text = b.found > 0 ? `${t('Legend_BottleneckTitle')}: ${definition}${shown}` : t('Legend_None');
    add('legend-bottleneck', text, b.found > 0 ? colors.bottleneck : undefined);
  } else if (model.mode === 'frequency') {
    add('legend-frequency', t('Legend_Frequency'));
  }
  if (model.mode === 'performance' || model.comparing !== null) add('legend-estimate', t('Legend_Estimate'));
  if (context.hidden && context.hidden.shown < context.hidden.total) {
    add('legend-hidden', t('Legend_Hidden').replace('{0}', String(context.hidden.shown)).replace('{1}', String(context.hidden.total)));
  }
}

/** A share as a whole percentage (one decimal under 10 %). */
function formatShare(share: number): string {
  const percent = share * 100;
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)} %`;
}

import { select, type Selection } from 'd3-selection';
import type { Localizer } from '../i18n';
import type { VariantRowView } from '../model/types';
import type { Colors } from './colors';

/**
 * Draws the variant pane: a title and a listbox of `[data-testid=variant-row]` rows, each with
 * its label, `[data-testid=variant-cases]`, a share bar and a mean-duration bar, and under it
 * the variant's top findings (`[data-testid=variant-finding]`, from the step table's findings). Rows use a
 * roving tabindex (one row is tabbable) so Tab enters the list and arrows move inside it.
 */
export function renderVariantPane(
  pane: HTMLDivElement,
  rows: readonly VariantRowView[],
  colors: Colors,
  t: Localizer['t'],
  visible: boolean,
): Selection<HTMLDivElement, VariantRowView, HTMLDivElement, unknown> {
  pane.hidden = !visible;
  const root = select(pane);
  root
    .selectAll('h3')
    .data([t('Variants_Title')])
    .join('h3')
    .text((d) => d);
  const list = root
    .selectAll<HTMLDivElement, null>('div.variant-list')
    .data([null])
    .join('div')
    .attr('class', 'variant-list')
    .attr('role', 'listbox')
    .attr('aria-multiselectable', 'true')
    .attr('aria-label', t('Variants_Title'));
  const focusKey = rows.find((r) => r.selected)?.key ?? rows[0]?.key;
  const active = pane.ownerDocument.activeElement;
  const focusedKey = active instanceof HTMLElement && pane.contains(active) ? active.dataset['variantKey'] : undefined;
  const tabbable = rows.some((r) => r.key === focusedKey) ? focusedKey : focusKey;
  const items = list
    .selectAll<HTMLDivElement, VariantRowView>('div.variant-row')
    .data(rows, (d) => d.key)
    .join((enter) => {
      const row = enter.append('div').attr('class', 'variant-row').attr('data-testid', 'variant-row').attr('role', 'option');
      row.append('span').attr('class', 'variant-label');
      row.append('span').attr('class', 'variant-cases').attr('data-testid', 'variant-cases');
      row.append('span').attr('class', 'variant-share');
      const bars = row.append('span').attr('class', 'variant-bars');
      bars.append('span').attr('class', 'bar share-bar');
      bars.append('span').attr('class', 'bar duration-bar');
      row.append('span').attr('class', 'variant-duration');
      row.append('ul').attr('class', 'variant-findings').attr('data-testid', 'variant-findings');
      return row;
    })
    .attr('data-variant-key', (d) => d.key)
    .attr('tabindex', (d) => (d.key === tabbable ? 0 : -1))
    .attr('aria-selected', (d) => String(d.selected))
    .attr('aria-disabled', (d) => (d.selectable ? null : 'true'))
    .attr('title', (d) => d.activities.join(' → '))
    .classed('selected', (d) => d.selected)
    .style('outline-color', colors.selected);
  items.select('.variant-label').text((d) => d.label);
  items.select('.variant-cases').text((d) => d.casesLabel);
  items.select('.variant-share').text((d) => d.shareLabel);
  items.select('.variant-duration').text((d) => d.meanDurationLabel);
  const findings = items.select<HTMLUListElement>('.variant-findings').attr('aria-label', t('Variants_Findings'));
  findings.property('hidden', (d) => d.findings.length === 0);
  findings
    .selectAll<HTMLLIElement, VariantRowView['findings'][number]>('li')
    .data(
      (d) => d.findings,
      (f) => f.id,
    )
    .join('li')
    .attr('data-testid', 'variant-finding')
    .attr('data-finding-id', (f) => f.id)
    .attr('data-kind', (f) => f.kind)
    .attr('title', (f) => f.text)
    .text((f) => f.text);
  items
    .select<HTMLSpanElement>('.share-bar')
    .style('width', (d) => `${Math.round(d.share * 100)}%`)
    .style('background', colors.highContrast ? colors.foreground : colors.node);
  items
    .select<HTMLSpanElement>('.duration-bar')
    .style('width', (d) => `${Math.round(d.durationFraction * 100)}%`)
    .style('background', colors.highContrast ? colors.foreground : colors.muted);
  return items;
}

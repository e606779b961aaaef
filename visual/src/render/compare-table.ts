import { select } from 'd3-selection';
import type { Formatter } from '../format/formatter';
import type { Localizer } from '../i18n';
import type { JobcenterFigures } from '../model/compare-jobcenters';

/**
 * Draws the jobcenter comparison in the side pane (`[data-testid=compare-table]`): one row per
 * jobcenter (`[data-testid=compare-row][data-jobcenter]`), longest median throughput first,
 * with cases, finished share (when the rows say), median and 90th percentile (estimates:
 * the ≈ is in their headers). The row of the jobcenter the map is
 * coloured for is marked; clicking or Enter on a row picks it.
 */
export function renderCompareTable(
  pane: HTMLDivElement,
  rows: readonly JobcenterFigures[],
  chosen: string | null,
  formatter: Formatter,
  t: Localizer['t'],
  onPick: (jobcenter: string) => void,
): void {
  const root = select(pane);
  root
    .selectAll('h3')
    .data([t('Compare_Title')])
    .join('h3')
    .text((d) => d);
  const table = root
    .selectAll<HTMLTableElement, null>('table.compare-table')
    .data([null])
    .join('table')
    .attr('class', 'compare-table')
    .attr('data-testid', 'compare-table');
  const finishedKnown = rows.some((r) => r.figures.finishedCases !== null);
  const prefix = commonWordPrefix(rows.map((r) => r.jobcenter));
  const headers = [
    t('Filter_Jobcenter'),
    t('Key_Cases'),
    ...(finishedKnown ? [t('Key_Finished')] : []),
    `${t('Metric_median')} ≈`,
    `${t('Compare_P90')} ≈`,
  ];
  table
    .selectAll('thead')
    .data([headers])
    .join('thead')
    .selectAll('tr')
    .data((d) => [d])
    .join('tr')
    .selectAll('th')
    .data((d) => d)
    .join('th')
    .text((d) => d);
  const body = table.selectAll('tbody').data([null]).join('tbody');
  const items = body
    .selectAll<HTMLTableRowElement, JobcenterFigures>('tr')
    .data(rows, (d) => d.jobcenter)
    .join('tr')
    .attr('data-testid', 'compare-row')
    .attr('data-jobcenter', (d) => d.jobcenter)
    .attr('title', (d) => d.jobcenter)
    .attr('tabindex', 0)
    .attr('aria-selected', (d) => String(d.jobcenter === chosen))
    .classed('selected', (d) => d.jobcenter === chosen)
    .on('click', (_, d) => onPick(d.jobcenter))
    .on('keydown', (event: KeyboardEvent, d) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onPick(d.jobcenter);
      }
    });
  items
    .selectAll('td')
    .data((d) => {
      const f = d.figures;
      const share = f.finishedCases === null || f.cases === 0 ? '–' : formatter.percent(f.finishedCases / f.cases);
      const duration = (s: number | undefined) => (s === undefined ? '–' : formatter.duration(s));
      const cells: [string, string][] = [
        ['compare-name', d.jobcenter.slice(prefix.length) || d.jobcenter],
        ['compare-cases', formatter.count(f.cases)],
        ...(finishedKnown ? [['compare-finished', share] as [string, string]] : []),
        ['compare-median', duration(f.throughput?.median)],
        ['compare-p90', duration(f.throughput?.p90)],
      ];
      return cells;
    })
    .join('td')
    .attr('data-testid', (d) => d[0])
    .text((d) => d[1]);
}

/** The words all names start with ("Jobcenter København "), so the table shows what differs. */
export function commonWordPrefix(names: readonly string[]): string {
  if (names.length < 2) return '';
  const words = names.map((n) => n.split(' '));
  const first = words[0]!;
  let k = 0;
  while (k < first.length - 1 && words.every((w) => w.length - 1 > k && w[k] === first[k])) k++;
  return k === 0 ? '' : `${first.slice(0, k).join(' ')} `;
}

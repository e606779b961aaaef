import { select } from 'd3-selection';
import type { Formatter } from '../format/formatter';
import type { Localizer } from '../i18n';
import type { JobcenterFigures } from '../model/compare-jobcenters';

/**
 * Draws the jobcenter comparison in the side pane (`[data-testid=compare-table]`): one row per
 * jobcenter (`[data-testid=compare-row][data-jobcenter]`), longest median throughput first,
 * with cases, finished share, median and 90th percentile. The row of the jobcenter the map is
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
  root.selectAll('h3').data([t('Compare_Title')]).join('h3').text((d) => d);
  const table = root.selectAll<HTMLTableElement, null>('table.compare-table').data([null]).join('table').attr('class', 'compare-table').attr('data-testid', 'compare-table');
  const headers = [t('Filter_Jobcenter'), t('Key_Cases'), t('Key_Finished'), t('Key_Median'), t('Key_P90')];
  table.selectAll('thead').data([headers]).join('thead').selectAll('tr').data((d) => [d]).join('tr').selectAll('th').data((d) => d).join('th').text((d) => d);
  const body = table.selectAll('tbody').data([null]).join('tbody');
  const items = body
    .selectAll<HTMLTableRowElement, JobcenterFigures>('tr')
    .data(rows, (d) => d.jobcenter)
    .join('tr')
    .attr('data-testid', 'compare-row')
    .attr('data-jobcenter', (d) => d.jobcenter)
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
      const duration = (s: number | undefined) => (s === undefined ? '–' : `≈ ${formatter.duration(s)}`);
      return [d.jobcenter, formatter.count(f.cases), share, duration(f.throughput?.median), duration(f.throughput?.p90)];
    })
    .join('td')
    .attr('data-testid', (_, i) => ['compare-name', 'compare-cases', 'compare-finished', 'compare-median', 'compare-p90'][i]!)
    .text((d) => d);
}

import type { Formatter } from '../format/formatter';
import type { Localizer } from '../i18n';
import type { KeyFigures, TrendPoint } from '../model/key-figures';

const SVG = 'http://www.w3.org/2000/svg';

/** Size of the trend sparkline, in CSS pixels. */
const SPARK = { width: 96, height: 24, pad: 3 } as const;

/**
 * Draws the key figures above the map (`[data-testid=key-figures]`): cases, finished share,
 * median and 90th percentile throughput time (≈: estimated from histograms), a monthly
 * sparkline of the median, and the filter summary (`[data-testid=filter-summary]`).
 */
export function renderSummary(container: HTMLDivElement, figures: KeyFigures | null, formatter: Formatter, t: Localizer['t']): void {
  container.hidden = figures === null;
  container.replaceChildren();
  if (!figures) return;
  const doc = container.ownerDocument;
  const figure = (testid: string, caption: string, value: string, title?: string) => {
    const box = doc.createElement('div');
    box.className = 'key-figure';
    box.dataset['testid'] = testid;
    const v = doc.createElement('span');
    v.className = 'key-value';
    v.textContent = value;
    const c = doc.createElement('span');
    c.className = 'key-caption';
    c.textContent = caption;
    box.append(v, c);
    if (title) box.title = title;
    container.appendChild(box);
    return box;
  };
  figure('key-cases', t('Key_Cases'), formatter.count(figures.cases));
  const finished = figures.finishedCases;
  figure(
    'key-finished',
    t('Key_Finished'),
    finished === null || figures.cases === 0 ? '–' : formatter.percent(finished / figures.cases),
    finished === null ? t('Key_FinishedUnknown') : `${formatter.count(finished)} / ${formatter.count(figures.cases)}`,
  );
  const through = figures.throughput;
  const notes = [through?.finishedOnly ? t('Key_FinishedOnly') : null, through?.basis === 'variants' ? t('Key_FromVariants') : null].filter(
    Boolean,
  );
  const basis = notes.length > 0 ? notes.join('; ') : undefined;
  figure('key-median', t('Key_Median'), through ? `≈ ${formatter.duration(through.median)}` : '–', basis);
  figure('key-p90', t('Key_P90'), through ? `≈ ${formatter.duration(through.p90)}` : '–', basis);
  if (figures.trend.length > 1) {
    const box = figure('key-trend', t('Key_Trend'), '');
    box.querySelector('.key-value')!.appendChild(sparkline(doc, figures.trend, formatter));
  }
  container.appendChild(filterSummary(doc, figures, formatter, t));
}

function sparkline(doc: Document, trend: readonly TrendPoint[], formatter: Formatter): SVGSVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(SPARK.width));
  svg.setAttribute('height', String(SPARK.height));
  svg.setAttribute('role', 'img');
  const values = trend.map((p) => p.medianSeconds).filter(Number.isFinite);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = (i: number) => SPARK.pad + (i * (SPARK.width - 2 * SPARK.pad)) / Math.max(1, trend.length - 1);
  const y = (v: number) =>
    SPARK.height - SPARK.pad - (hi > lo ? ((v - lo) / (hi - lo)) * (SPARK.height - 2 * SPARK.pad) : (SPARK.height - 2 * SPARK.pad) / 2);
  const points = trend.flatMap((p, i) => (Number.isFinite(p.medianSeconds) ? [`${x(i).toFixed(1)},${y(p.medianSeconds).toFixed(1)}`] : []));
  const line = doc.createElementNS(SVG, 'polyline');
  line.setAttribute('points', points.join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', 'currentColor');
  line.setAttribute('stroke-width', '1.5');
  svg.appendChild(line);
  const label = trend.map((p) => `${p.period}: ${formatter.count(p.cases)} · ≈ ${formatter.duration(p.medianSeconds)}`).join('\n');
  const title = doc.createElementNS(SVG, 'title');
  title.textContent = label;
  svg.appendChild(title);
  svg.setAttribute('aria-label', label);
  return svg;
}

function filterSummary(doc: Document, figures: KeyFigures, formatter: Formatter, t: Localizer['t']): HTMLDivElement {
  const box = doc.createElement('div');
  box.className = 'filter-summary';
  box.dataset['testid'] = 'filter-summary';
  const item = (testid: string, caption: string, value: string, title?: string) => {
    const span = doc.createElement('span');
    span.dataset['testid'] = testid;
    span.textContent = `${caption}: ${value}`;
    if (title) span.title = title;
    box.appendChild(span);
  };
  const { jobcenters, periods, processes } = figures.filters;
  const list = (values: readonly string[] | null, plural: string) => {
    if (values === null) return t('Filter_NotBound');
    return values.length <= 2 ? values.join(', ') : `${formatter.count(values.length)} ${plural}`;
  };
  item('filter-jobcenter', t('Filter_Jobcenter'), list(jobcenters, t('Filter_Jobcenters')), jobcenters?.join('\n'));
  item(
    'filter-period',
    t('Filter_Period'),
    periods ? (periods[0] === periods[1] ? periods[0] : `${periods[0]} – ${periods[1]}`) : t('Filter_NotBound'),
  );
  item('filter-process', t('Filter_Process'), list(processes, t('Filter_Process').toLowerCase()), processes?.join('\n'));
  return box;
}

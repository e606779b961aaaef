import { max } from 'd3-array';
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { area, line } from 'd3-shape';
import { clip, esc, px } from './svg';

/** One bar: its label, value and the text written at its end. */
export interface Bar {
  label: string;
  value: number;
  text: string;
  highlight?: boolean;
}

/**
 * Horizontal bar chart as an SVG string (d3-scale for the axes): labels left, bars right,
 * each bar's text at its end. Width in CSS pixels; height follows the number of bars.
 *
 * @example barChart([{ label: 'A → B', value: 12, text: '12 dage' }], { width: 640, title: 'Tabt tid' })
 */
export function barChart(bars: readonly Bar[], options: { width: number; title: string; labelWidth?: number }): string {
  const labelWidth = options.labelWidth ?? 260;
  const barHeight = 22;
  const height = bars.length * barHeight + 8;
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([4, height - 4])
    .padding(0.2);
  const x = scaleLinear()
    .domain([0, max(bars, (b) => b.value) || 1])
    .range([0, options.width - labelWidth - 110]);
  const rows = bars.map((b, i) => {
    const top = y(i)!;
    const w = Math.max(1, x(Math.max(0, b.value)));
    return (
      `<g><text x="${labelWidth - 6}" y="${px(top + y.bandwidth() / 2)}" dy="0.35em" text-anchor="end" class="axis">${esc(clip(b.label, 44))}</text>` +
      `<rect x="${labelWidth}" y="${px(top)}" width="${px(w)}" height="${px(y.bandwidth())}" class="${b.highlight ? 'bar hot' : 'bar'}"/>` +
      `<text x="${px(labelWidth + w + 4)}" y="${px(top + y.bandwidth() / 2)}" dy="0.35em" class="value">${esc(b.text)}</text></g>`
    );
  });
  return `<svg class="chart" role="img" aria-label="${esc(options.title)}" viewBox="0 0 ${options.width} ${height}" width="${options.width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${esc(options.title)}</title>${rows.join('')}</svg>`;
}

/**
 * A monthly series as an SVG line with an area under it (d3-shape), first and last month
 * labelled, the maximum marked.
 */
export function lineChart(
  points: readonly { label: string; value: number }[],
  options: { width: number; height: number; title: string; format: (v: number) => string },
): string {
  const { width, height } = options;
  const pad = { left: 44, right: 12, top: 12, bottom: 22 };
  const x = scalePoint<number>()
    .domain(points.map((_, i) => i))
    .range([pad.left, width - pad.right]);
  const top = max(points, (p) => p.value) || 1;
  const y = scaleLinear()
    .domain([0, top])
    .nice(3)
    .range([height - pad.bottom, pad.top]);
  const path =
    line<{ value: number }>()
      .x((_, i) => x(i)!)
      .y((p) => y(p.value))([...points]) ?? '';
  const fill =
    area<{ value: number }>()
      .x((_, i) => x(i)!)
      .y0(y(0))
      .y1((p) => y(p.value))([...points]) ?? '';
  const ticks = y
    .ticks(3)
    .map(
      (v) =>
        `<g><line x1="${pad.left}" x2="${width - pad.right}" y1="${px(y(v))}" y2="${px(y(v))}" class="grid"/><text x="${pad.left - 4}" y="${px(y(v))}" dy="0.35em" text-anchor="end" class="axis">${esc(options.format(v))}</text></g>`,
    );
  const first = points[0];
  const last = points[points.length - 1];
  const labels =
    first && last
      ? `<text x="${pad.left}" y="${height - 6}" class="axis">${esc(first.label)}</text><text x="${width - pad.right}" y="${height - 6}" text-anchor="end" class="axis">${esc(last.label)}</text>`
      : '';
  return `<svg class="chart" role="img" aria-label="${esc(options.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${esc(options.title)}</title>${ticks.join('')}<path d="${fill}" class="area"/><path d="${path}" class="line"/>${labels}</svg>`;
}

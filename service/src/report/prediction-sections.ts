import { formatDuration, formatPercent, type Lang } from '../findings/wording';
import type { EffectFigure } from '../whatif/effect-report';
import type { ReportData } from './report-data';
import { esc } from './svg';
import { t } from './texts';

const section = (id: string, title: string, body: string) => `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;
const table = (head: string[], rows: string[][], cls: string) =>
  `<table class="${cls}"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
const seconds = (s: number, L: Lang) => formatDuration(s * 1000, L);

/** What the top automation candidates would do to throughput time and deadlines. */
export function whatIfSection(d: ReportData): string {
  const L = d.lang;
  const list = d.whatIf ?? [];
  if (list.length === 0)
    return section('what-if', t('whatIf', L), `<p class="note">${esc(t('noWhatIf', L).replace('{k}', String(d.minGroupSize)))}</p>`);
  const rows = list.map((r) => {
    const c = r.throughput.medianChange;
    const met =
      r.deadlines
        .filter((x) => x.wouldMeet > 0)
        .map((x) => `${esc(x.rule)}: ${x.wouldMeet}`)
        .join(', ') || '–';
    return [
      esc(r.change.activity),
      seconds(r.throughput.before.median.seconds, L),
      seconds(r.throughput.after.median.seconds, L),
      `${seconds(c.seconds, L)} <span class="small">(${seconds(c.lowSeconds, L)} … ${seconds(c.highSeconds, L)})</span>`,
      met,
    ];
  });
  return section(
    'what-if',
    t('whatIf', L),
    `${table([t('activity', L), t('medianNow', L), t('medianAfter', L), t('change', L), t('deadlinesMet', L)], rows, 'what-if')}<p class="note">${esc(t('whatIfNote', L))}</p>`,
  );
}

/** Key figures before and after a change, when the report was asked for one. */
export function effectSection(d: ReportData): string {
  const L = d.lang;
  const e = d.effect;
  if (!e) return section('effect', t('effect', L), `<p class="note">${esc(t('noEffect', L))}</p>`);
  const span = (p: { from: string; to: string }) => `${p.from} – ${p.to}`;
  const method = t(e.method === 'same-months-previous-year' ? 'effectSame' : 'effectAdjacent', L)
    .replace('{after}', span(e.after))
    .replace('{before}', span(e.before));
  const hasControl = e.figures.some((f) => f.control !== null);
  const rows = e.figures.map((f) => {
    const show = (v: number) => (f.unit === 'seconds' ? seconds(v, L) : formatPercent(v, L, 1));
    const est = f.difference ?? f.change;
    return [
      esc(figureName(f, L)),
      show(f.treated.before),
      show(f.treated.after),
      `${show(est.value)} <span class="small">(${show(est.low)} … ${show(est.high)})</span>`,
      f.detected ? `<span class="hot">${esc(t('yes', L))}</span>` : '',
    ];
  });
  const who = e.jobcenters.length > 0 ? `${e.jobcenters.join(', ')}, ` : '';
  return section(
    'effect',
    `${t('effect', L)}: ${who}${e.date}`,
    `<p>${esc(method)}${hasControl ? ` ${esc(t('effectDid', L))}` : ''}</p>${table([t('figure', L), t('before', L), t('after', L), t('estimate', L), t('detected', L)], rows, 'effect')}`,
  );
}

function figureName(f: EffectFigure, L: Lang): string {
  if (f.metric === 'throughput') return t('throughput', L);
  if (f.metric === 'rework') return t('rework', L);
  if (f.metric === 'waiting') return `${t('wait', L)} ${f.key}`;
  return `${t('rule', L)} ${f.key}`;
}

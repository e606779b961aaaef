import { STEP_END, STEP_START, type FindingKind } from '@sagsflow/shared';
import type { StoredFinding } from '../db/findings-queries';
import { formatDkk, formatDuration, formatNumber, formatPercent, kindName, type Lang } from '../findings/wording';
import { barChart, lineChart } from './charts';
import { processMapSvg } from './map-svg';
import type { ReportData } from './report-data';
import { esc } from './svg';
import { methodParagraphs, t } from './texts';
import { governanceHtml } from './governance-section';

/** The width charts are drawn at: A4 minus margins, in CSS pixels. */
export const PAGE_WIDTH = 680;

const section = (id: string, title: string, body: string) => `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;
const table = (head: string[], rows: string[][], cls = '') =>
  `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
const of = (d: ReportData, kind: FindingKind) => d.findings.filter((f) => f.kind === kind && f.status !== 'resolved');

/** Key figures and the monthly cases. */
export function keyFiguresSection(d: ReportData): string {
  const L = d.lang;
  const k = d.keyFigures;
  const tile = (label: string, value: string) =>
    `<div class="tile"><div class="tile-value">${esc(value)}</div><div class="tile-label">${esc(label)}</div></div>`;
  const tiles = [
    tile(t('cases', L), formatNumber(k.cases, L)),
    tile(t('events', L), formatNumber(k.events, L)),
    tile(t('finishedShare', L), formatPercent(k.cases > 0 ? k.finished / k.cases : Number.NaN, L)),
    tile(t('medianDuration', L), formatDuration(k.medianSeconds * 1000, L)),
    tile(t('p90Duration', L), formatDuration(k.p90Seconds * 1000, L)),
    tile(t('period', L), k.firstPeriod ? `${k.firstPeriod} – ${k.lastPeriod}` : '–'),
  ];
  const chart =
    d.monthly.length > 1
      ? `<figure>${lineChart(
          d.monthly.map((m) => ({ label: m.period, value: m.cases })),
          { width: PAGE_WIDTH, height: 150, title: t('casesPerMonth', L), format: (v) => formatNumber(v, L) },
        )}<figcaption>${esc(t('casesPerMonth', L))}</figcaption></figure>`
      : '';
  return section('key-figures', t('keyFigures', L), `<div class="tiles">${tiles.join('')}</div>${chart}`);
}

/** The process map with the bottleneck edges in red. */
export function mapSection(d: ReportData): string {
  const L = d.lang;
  const hot = new Set(of(d, 'bottleneck').map((f) => `${f.fromActivity}\u0000${f.toActivity}`));
  const svg = processMapSvg(d.map, {
    bottlenecks: hot,
    minCases: d.minGroupSize,
    maxEdges: 40,
    format: (n) => formatNumber(n, L),
    title: t('map', L),
  });
  return section(
    'process-map',
    t('map', L),
    `<figure class="map-figure">${svg}<figcaption>${esc(t('mapNote', L).replace('{k}', String(d.minGroupSize)))}</figcaption></figure>`,
  );
}

/** The variants of at least k cases. */
export function variantsSection(d: ReportData): string {
  const L = d.lang;
  const rows = d.variants.map((v) => [
    String(v.number),
    `<span class="path">${esc(v.activities.filter((a) => a !== STEP_START && a !== STEP_END).join(' → '))}</span>`,
    formatNumber(v.cases, L),
    formatPercent(v.share, L, 1),
    formatDuration(v.meanSeconds * 1000, L),
  ]);
  if (d.otherVariants.cases > 0)
    rows.push([
      '',
      esc(`${t('otherVariants', L)} (${formatNumber(d.otherVariants.variants, L)})`),
      formatNumber(d.otherVariants.cases, L),
      '',
      '',
    ]);
  return section(
    'variants',
    t('variants', L),
    table([t('variant', L), t('path', L), t('cases', L), t('share', L), t('meanDuration', L)], rows, 'variants'),
  );
}

/** Bottlenecks: a chart of median waits and a table with time lost, trend and workload. */
export function bottlenecksSection(d: ReportData): string {
  const L = d.lang;
  const list = of(d, 'bottleneck');
  if (list.length === 0) return section('bottlenecks', t('bottlenecks', L), `<p class="note">${esc(t('noFindings', L))}</p>`);
  const e = (f: StoredFinding, key: string) => f.evidence[key] as number | string | null;
  const lost = (f: StoredFinding) => Number(e(f, 'timeLostDaysPerYear'));
  const chart = barChart(
    list.map((f) => ({
      label: `${f.fromActivity} → ${f.toActivity}`,
      value: lost(f),
      text: `${formatNumber(lost(f), L)} ${t('days', L)}`,
      highlight: true,
    })),
    { width: PAGE_WIDTH, title: t('timeLost', L) },
  );
  const rows = list.map((f) => [
    esc(`${f.fromActivity} → ${f.toActivity}`),
    formatNumber(f.cases, L),
    formatDuration(Number(e(f, 'medianWaitMs')), L),
    formatDuration(e(f, 'medianWorkingWaitMs') as number | null, L),
    esc(e(f, 'bestJobcenter') ?? '–'),
    `${formatNumber(Number(e(f, 'timeLostDaysPerYear')), L)} ${t('days', L)}`,
  ]);
  const texts = list.map((f) => `<li>${esc(L === 'da' ? f.summaryDa : f.summaryEn)}</li>`).join('');
  return section(
    'bottlenecks',
    t('bottlenecks', L),
    `<figure>${chart}<figcaption>${esc(t('timeLost', L))}</figcaption></figure>${table([t('edge', L), t('cases', L), t('medianWait', L), t('workingWait', L), t('bestJobcenter', L), t('timeLost', L)], rows, 'bottlenecks')}<ul class="sentences">${texts}</ul>`,
  );
}

/** Rule compliance by rule (and jobcenter), or a note when no catalogue is attached. */
export function rulesSection(d: ReportData): string {
  const L = d.lang;
  const list = of(d, 'rule-violation');
  if (list.length === 0) return section('rules', t('rules', L), `<p class="note">${esc(t('noRules', L))}</p>`);
  const title = (f: StoredFinding) => (L === 'da' ? f.evidence['ruleTextDa'] : f.evidence['ruleText']) ?? '';
  const rate = (f: StoredFinding) => Number(f.evidence['violationRate']);
  const worst = (f: StoredFinding) =>
    f.evidence['worstJobcenter'] ? `${f.evidence['worstJobcenter']} (${formatPercent(Number(f.evidence['worstViolationRate']), L)})` : '–';
  const chart = barChart(
    list.map((f) => ({ label: f.rule ?? '', value: 1 - rate(f), text: formatPercent(1 - rate(f), L, 1), highlight: rate(f) > 0.2 })),
    { width: PAGE_WIDTH, title: t('compliance', L), labelWidth: 180 },
  );
  const rows = list.map((f) => [
    `${esc(f.rule)}<br><span class="small">${esc(title(f))}</span>`,
    formatNumber(Number(f.evidence['checkedCases']), L),
    formatNumber(f.cases, L),
    formatPercent(1 - rate(f), L, 1),
    esc(worst(f)),
  ]);
  const jcs = [
    ...new Set(
      list.flatMap((f) =>
        Object.keys(f.evidence)
          .filter((key) => key.startsWith('rate:'))
          .map((key) => key.slice(5)),
      ),
    ),
  ].sort();
  const short = (jc: string) => jc.replace(/^Jobcenter (København )?/, '');
  const cell = (f: StoredFinding, jc: string) => {
    const v = f.evidence[`rate:${jc}`];
    return typeof v === 'number' ? `<span class="${v < 0.8 ? 'hot' : ''}">${formatPercent(v, L)}</span>` : '–';
  };
  const matrix =
    jcs.length > 1
      ? table(
          [t('rule', L), ...jcs.map(short)],
          list.map((f) => [esc(f.rule), ...jcs.map((jc) => cell(f, jc))]),
          'matrix',
        )
      : '';
  return section(
    'rules',
    t('rules', L),
    `<figure>${chart}<figcaption>${esc(t('compliance', L))}</figcaption></figure>${table([t('rule', L), t('checked', L), t('broken', L), t('compliance', L), t('worstJobcenter', L)], rows, 'rules')}${matrix}<p class="note">${esc(t('rulesNote', L).replaceAll('{k}', String(d.minGroupSize)))}</p>`,
  );
}

/** Conformance with the model, or a note when no model is attached. */
export function conformanceSection(d: ReportData): string {
  const L = d.lang;
  const list = of(d, 'model-deviation');
  if (list.length === 0) return section('conformance', t('conformance', L), `<p class="note">${esc(t('noModel', L))}</p>`);
  return section(
    'conformance',
    t('conformance', L),
    `<ul class="sentences">${list.map((f) => `<li>${esc(L === 'da' ? f.summaryDa : f.summaryEn)}</li>`).join('')}</ul>`,
  );
}

/** Automation candidates with savings and every part of their score. */
export function automationSection(d: ReportData): string {
  const L = d.lang;
  const list = of(d, 'automation-candidate');
  if (list.length === 0) return section('automation', t('automation', L), `<p class="note">${esc(t('noCandidates', L))}</p>`);
  const hours = (f: StoredFinding) => Number(f.evidence['hoursPerYear']);
  const chart = barChart(
    list.map((f) => ({ label: f.activity ?? '', value: hours(f), text: `${formatNumber(hours(f), L)} ${t('hoursShort', L)}` })),
    { width: PAGE_WIDTH, title: t('hoursPerYear', L) },
  );
  const parts = (f: StoredFinding) =>
    ['volume', 'predictability', 'ruleLike', 'caseworkers', 'processing', 'rework']
      .map((p) => {
        const v = f.evidence[`part.${p}`];
        return `${t(`part_${p}` as 'part_volume', L)} ${v === null || v === undefined ? '–' : formatNumber(Number(v), L, 2)}×${formatNumber(Number(f.evidence[`weight.${p}`]), L, 2)}`;
      })
      .join(', ');
  const rows = list.map((f) => [
    esc(f.activity),
    formatNumber(Number(f.evidence['score']), L, 2),
    formatNumber(Number(f.evidence['hoursPerYear']), L),
    formatDkk(f.valueDkk, L),
    `<span class="small">${esc(parts(f))}</span>`,
  ]);
  return section(
    'automation',
    t('automation', L),
    `<figure>${chart}<figcaption>${esc(t('hoursPerYear', L))}</figcaption></figure>${table([t('activity', L), t('score', L), t('hoursPerYear', L), t('saving', L), t('parts', L)], rows, 'automation')}`,
  );
}

/** Every finding with its status and value. */
export function findingsSection(d: ReportData): string {
  const L = d.lang;
  if (d.findings.length === 0) return section('findings', t('findings', L), `<p class="note">${esc(t('noFindings', L))}</p>`);
  const status = (s: string) => t(`status_${s}` as 'status_new', L);
  const rows = d.findings.map((f) => [
    `<span class="id">${esc(f.findingId)}</span>`,
    esc(kindName(f.kind as FindingKind, L)),
    esc(status(f.status)),
    esc(L === 'da' ? f.summaryDa : f.summaryEn),
    formatDkk(f.valueDkk, L),
  ]);
  const total = d.findings.filter((f) => f.status !== 'resolved').reduce((s, f) => s + f.valueDkk, 0);
  return section(
    'findings',
    t('findings', L),
    `${table(['Id', t('kind', L), t('status', L), '', t('value', L)], rows, 'findings')}<p><strong>${esc(t('totalValue', L))}: ${esc(formatDkk(total, L))}</strong></p>`,
  );
}

/** Rows read, accepted, duplicates and quarantined by reason. */
export function dataQualitySection(d: ReportData): string {
  const L = d.lang;
  if (!d.load) return section('data-quality', t('dataQuality', L), `<p class="note">${esc(t('qualityScoped', L))}</p>`);
  const q = d.load;
  const counts = table(
    [t('rowsRead', L), t('accepted', L), t('duplicates', L), t('quarantined', L)],
    [[q.rowsRead, q.rowsAccepted, q.rowsDuplicates, q.rowsQuarantined].map((n) => formatNumber(n, L))],
  );
  const reasons = Object.entries(q.quarantinedByReason).sort((a, b) => b[1] - a[1]);
  const byReason =
    reasons.length > 0
      ? table(
          [t('reason', L), t('quarantined', L)],
          reasons.map(([r, n]) => [esc(r), formatNumber(n, L)]),
        )
      : '';
  return section(
    'data-quality',
    t('dataQuality', L),
    `${counts}${byReason}<p class="small">${esc(t('files', L))}: ${esc(q.files.join(', '))}</p>`,
  );
}

/** How the figures were made. */
export function methodSection(d: ReportData): string {
  return section(
    'method',
    t('method', d.lang),
    methodParagraphs(d.lang, d.minGroupSize)
      .map((p) => `<p>${esc(p)}</p>`)
      .join('') + governanceHtml(d.governance, d.lang),
  );
}

export type { Lang };

import { esc } from './svg';
import type { ReportData } from './report-data';
import { t } from './texts';
import {
  automationSection,
  bottlenecksSection,
  conformanceSection,
  dataQualitySection,
  findingsSection,
  keyFiguresSection,
  mapSection,
  methodSection,
  rulesSection,
  variantsSection,
} from './sections';
import { effectSection, whatIfSection } from './prediction-sections';

/** The section ids of the report, in order (the browser test checks each is there). */
export const REPORT_SECTIONS = [
  'key-figures',
  'process-map',
  'variants',
  'bottlenecks',
  'rules',
  'conformance',
  'automation',
  'what-if',
  'effect',
  'findings',
  'data-quality',
  'method',
] as const;

const CSS = `
@page { size: A4; margin: 15mm 14mm 16mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1f2328; margin: 0 auto; max-width: 182mm; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; color: #0b3a5b; }
h2 { font-size: 14pt; margin: 7mm 0 3mm; color: #0b3a5b; border-bottom: 1.5px solid #0b3a5b; padding-bottom: 1mm; break-after: avoid; }
.sub { color: #57606a; margin: 0 0 4mm; }
section { break-inside: auto; }
figure { margin: 2mm 0 4mm; break-inside: avoid; }
figcaption, .note, .small { color: #57606a; font-size: 8.5pt; }
.tiles { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin-bottom: 4mm; }
.tile { border: 1px solid #d0d7de; border-radius: 2mm; padding: 2.5mm 3mm; break-inside: avoid; }
.tile-value { font-size: 15pt; font-weight: 600; color: #0b3a5b; }
.tile-label { font-size: 8.5pt; color: #57606a; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; }
th, td { border-bottom: 1px solid #d0d7de; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
th { background: #f0f3f6; font-weight: 600; }
tr { break-inside: avoid; }
td:not(:nth-child(2)) { white-space: nowrap; }
table.what-if td:nth-child(5), table.effect td:nth-child(1), table.findings td:nth-child(4), table.variants td:nth-child(2), table.automation td:nth-child(5), table.rules td:nth-child(1), table.rules td:nth-child(5), table.bottlenecks td:nth-child(1), table.bottlenecks td:nth-child(5) { white-space: normal; }
table.findings td:nth-child(4) { font-size: 8.5pt; }
table.what-if td:nth-child(2), table.effect td:nth-child(2) { white-space: nowrap; }
.id { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; color: #57606a; }
.path { font-size: 8.5pt; }
ul.sentences { padding-left: 5mm; }
ul.sentences li { margin-bottom: 1.5mm; break-inside: avoid; }
svg { max-width: 100%; height: auto; }
svg.map { width: 100%; max-height: 235mm; }
.map-figure { break-inside: avoid; }
.axis, .value { font-size: 10px; fill: #1f2328; }
.grid { stroke: #e6e9ec; }
.bar { fill: #4a7fb0; } .bar.hot { fill: #c0392b; }
.line { fill: none; stroke: #0b3a5b; stroke-width: 2; } .area { fill: #dbe7f2; }
.node { fill: #f4f8fb; stroke: #0b3a5b; stroke-width: 1.2; }
.node-label { font-size: 11px; fill: #1f2328; } .node-count { font-size: 9.5px; fill: #57606a; }
.edge { fill: none; stroke: #8c959f; } .edge.hot { stroke: #c0392b; }
.edge-label { font-size: 9.5px; fill: #57606a; paint-order: stroke; stroke: #fff; stroke-width: 3px; } .edge-label.hot { fill: #c0392b; font-weight: 600; }
.arrow { fill: #8c959f; } .arrow.hot { fill: #c0392b; }
span.hot { color: #c0392b; font-weight: 600; }
.start { fill: #2da44e; } .end { fill: #1f2328; }
nav ol { columns: 2; font-size: 9.5pt; color: #57606a; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

/**
 * The evaluation report as one self-contained HTML page: no script, no external resource,
 * charts as inline SVG; printed to A4 by the browser's print.
 *
 * @example writeFileSync('report.html', renderReport(readReportData(sqlite, { log, scope: '', lang: 'da', now: Date.now() })));
 */
export function renderReport(d: ReportData): string {
  const L = d.lang;
  const scope = d.scope === '' ? t('scopeAll', L) : d.scope;
  const when = new Date(d.generatedAt).toISOString().slice(0, 16).replace('T', ' ');
  const sections = [
    keyFiguresSection,
    mapSection,
    variantsSection,
    bottlenecksSection,
    rulesSection,
    conformanceSection,
    automationSection,
    whatIfSection,
    effectSection,
    findingsSection,
    dataQualitySection,
    methodSection,
  ].map((s) => s(d));
  const titles = [...sections.join('').matchAll(/<section id="([^"]+)"><h2>([^<]+)<\/h2>/g)].map(
    (m) => `<li><a href="#${m[1]}">${m[2]}</a></li>`,
  );
  return `<!DOCTYPE html>
<html lang="${L}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(`${t('title', L)}: ${d.log} (${scope})`)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(t('title', L))}: ${esc(d.log)}</h1>
<p class="sub">${esc(d.processes.join(', '))} · ${esc(scope)} · ${esc(t('generated', L))} ${esc(when)} UTC · k = ${d.minGroupSize}</p>
<nav><ol>${titles.join('')}</ol></nav></header>
<main>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

import type { ColumnRoles } from '../ingest/column-roles';
import { renderColumnRoles } from '../ingest/column-roles';
import type { SummaryReport } from './summary-report';
import { formatSeconds } from './format';
import { localTime } from './local-time';
import { endSourceText } from './end-source';
import { duplicateLine } from './duplicates';

/** The summary as an analyst reads it after `sagsflow summary` (without --json). */
export function renderSummary(
  file: string,
  s: SummaryReport & { columns: ColumnRoles },
  rejections: { line: number; column: string | null; message: string }[],
  xes: boolean,
  timeZone: string,
): string {
  const n = (x: number) => x.toLocaleString('en');
  const local = (iso: string | null) => (iso === null ? '-' : localTime(Date.parse(iso), timeZone));
  const lines = [
    `${file}`,
    `  rows      ${n(s.rows.read)} read, ${n(s.rows.accepted)} accepted, ${n(s.rows.duplicates)} duplicates, ${n(s.rows.quarantined)} quarantined`,
    duplicateLine(s.duplicates.policy, s.duplicates.identical, s.rows.duplicates),
    `  log       ${n(s.cases)} cases, ${n(s.events)} events, ${n(s.activities)} activities, ${n(s.variants.count)} variants`,
    `  period    ${local(s.timeSpan.first)} .. ${local(s.timeSpan.last)} (${timeZone})`,
    ...renderColumnRoles(s.columns).map((l) => l.replace(/^  columns    /, '  columns   ').replace(/^ {13}/, '            ')),
    ...(s.cases === 0
      ? ['  duration  - (no cases)']
      : [
          `  finished  ${n(s.finished.cases)} finished, ${n(s.finished.openCases)} open: finished when ending with ${s.finished.endActivities.map((a) => `"${a}"`).join(', ') || '(none)'} (${endSourceText(s.finished.endActivitiesSource)})`,
          s.finished.cases === 0
            ? '  duration  - (no finished cases)'
            : `  duration  mean ${formatSeconds(s.finished.caseDuration.meanSeconds)}, median ${formatSeconds(s.finished.caseDuration.medianSeconds)}, 90th percentile ${formatSeconds(s.finished.caseDuration.p90Seconds)} per finished case`,
        ]),
    '',
    '  start activities',
    ...Object.entries(s.startActivities)
      .slice(0, 8)
      .map(([a, c]) => `    ${n(c).padStart(9)}  ${a}`),
    '  end activities',
    ...Object.entries(s.endActivities)
      .slice(0, 8)
      .map(([a, c]) => `    ${n(c).padStart(9)}  ${a}`),
    '  most frequent paths',
    ...s.dfg.slice(0, 10).map((e) => `    ${n(e.count).padStart(9)}  ${e.from} -> ${e.to}  (median ${formatSeconds(e.medianSeconds)})`),
    '  top variants',
    ...s.variants.top.map((v) => `    ${n(v.cases).padStart(9)}  ${(v.share * 100).toFixed(1).padStart(5)}%  ${v.activities.join(' -> ')}`),
  ];
  if (rejections.length) {
    lines.push('  first quarantined rows');
    // An XES rejection's `line` is its trace number; its message already names the trace and line.
    for (const r of rejections.slice(0, 5)) {
      const where = [xes ? null : `line ${r.line}`, r.column ? `column ${r.column}` : null].filter((w) => w !== null);
      lines.push(`    ${where.length ? `${where.join(', ')}: ` : ''}${r.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

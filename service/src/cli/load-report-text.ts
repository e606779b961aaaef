import type { LoadReport } from '../ingest/index';
import type { ViewerBuildSummary } from '../precompute/index';
import { renderColumnRoles } from '../ingest/column-roles';
import { DEFAULT_TIMEZONE } from '../readers/timestamps';
import { localTime } from './local-time';
import { endSourceText } from './end-source';
import { duplicateLine } from './duplicates';
import { retentionLine } from '../governance/load-lines';

/** The price of the viewer-grade model in one line: the share of cases not shown at their own jobcenter, month and variant. */
function viewerLine(v: ViewerBuildSummary): string {
  const pct = (x: number) => `${((100 * x) / Math.max(1, v.cases)).toFixed(1)}%`;
  return (
    `  viewers    k = ${v.k}: ${pct(v.mergedCellCases + v.otherVariantCases + v.suppressedCases)} of cases in merged rows` +
    ` (cells merged upward ${pct(v.mergedCellCases)}, other variants ${pct(v.otherVariantCases)}, left out ${pct(v.suppressedCases)})`
  );
}

/** The load report as an analyst reads it after `sagsflow ingest`. */
export function renderLoadReport(r: LoadReport, timeZone: string = DEFAULT_TIMEZONE): string {
  const n = (x: number) => x.toLocaleString('en');
  const day = (ms: number | null) => (ms === null ? '-' : localTime(ms, timeZone));
  const reasons = Object.entries(r.quarantinedByReason)
    .filter(([, c]) => c > 0)
    .map(([reason, c]) => `${reason} ${n(c)}`)
    .join(', ');
  const lines = [
    r.status === 'unchanged'
      ? `log "${r.log}": unchanged, these files are already version ${r.version} (same content)`
      : r.status === 'dry-run'
        ? `log "${r.log}": dry run, nothing stored (would be version ${r.version})`
        : `log "${r.log}": stored as version ${r.version} (load ${r.loadId})${r.appendedTo !== undefined ? `, appended to version ${r.appendedTo}` : ''}`,
    `  rows       ${n(r.rows.read)} read = ${n(r.rows.accepted)} accepted + ${n(r.rows.duplicates)} duplicates + ${n(r.rows.quarantined)} quarantined`,
    ...(reasons ? [`  quarantine ${reasons}`] : []),
    ...(r.duplicatePolicy ? [duplicateLine(r.duplicatePolicy, r.identical ?? r.rows.duplicates, r.rows.duplicates)] : []),
    `  log        ${n(r.cases)} cases, ${n(r.events)} events`,
    ...(r.endActivities ?? []).map(
      (e) =>
        `  finished   ${e.process}: cases ending with ${e.activities.map((a) => `"${a}"`).join(', ') || '(none)'} (${endSourceText(e.source)})`,
    ),
    `  time span  ${day(r.firstTimestamp)} .. ${day(r.lastTimestamp)} (${timeZone})`,
    ...(r.conformance
      ? [
          `  model      ${n(r.conformance.cases)} closed cases checked, ${n(r.conformance.variants)} variant rows${r.conformance.variantsOverBudget ? `, ${n(r.conformance.variantsOverBudget)} variants over the search budget` : ''}`,
        ]
      : []),
    ...(r.columns ? renderColumnRoles(r.columns) : []),
    ...(r.viewer ? [viewerLine(r.viewer)] : []),
    ...(r.refusals ?? []).map((why) => `  policy     would refuse: ${why}`),
    ...(r.compliance ? [`  rules      ${n(r.compliance.rules)} rules checked, ${n(r.compliance.caseCompliance)} case results`] : []),
    ...(r.retention ? [retentionLine(r.retention)] : []),
    ...(r.prunedVersions ? [`  versions   pruned ${r.prunedVersions.join(', ')} (their events are no longer kept)`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

import type { RetentionAfterLoad } from './load-governance';
import type { RebuiltSummaries } from './rebuild-summaries';

/** The load report's line on the retention the load applied (two-space indent, 11-character label column). */
export function retentionLine(r: RetentionAfterLoad): string {
  if ('error' in r) return `  retention  ${r.error}`;
  const rows = Object.values(r.rows).reduce((a, b) => a + b, 0);
  return `  retention  ${r.retentionYears} years (last event before ${r.cutoff.slice(0, 10)}): deleted ${r.cases.toLocaleString('en')} case${r.cases === 1 ? '' : 's'} (${rows.toLocaleString('en')} rows)`;
}

/** The line `sagsflow precompute` prints for the summary tables it rebuilt. */
export function summariesLine(log: string, r: RebuiltSummaries): string {
  const n = (x: number | null, what: string) => (x === null ? `no ${what}` : `${x.toLocaleString('en')} ${what} rows`);
  const conformance =
    r.conformance === 'kept'
      ? 'conformance kept as loaded (model not stored before migration 0014)'
      : n(r.conformance, 'conformance variant');
  return `log "${log}": summaries rebuilt (${n(r.compliance, 'compliance')}, ${conformance}, ${r.findings.toLocaleString('en')} findings, ${r.teams.toLocaleString('en')} team rows)\n`;
}

import type { RetentionAfterLoad } from './load-governance';

/** The load report's line on the retention the load applied (two-space indent, 11-character label column). */
export function retentionLine(r: RetentionAfterLoad): string {
  if ('error' in r) return `  retention  ${r.error}`;
  const rows = Object.values(r.rows).reduce((a, b) => a + b, 0);
  return `  retention  ${r.retentionYears} years (last event before ${r.cutoff.slice(0, 10)}): deleted ${r.cases.toLocaleString('en')} case${r.cases === 1 ? '' : 's'} (${rows.toLocaleString('en')} rows)`;
}

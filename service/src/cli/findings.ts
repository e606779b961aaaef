import type { Command } from 'commander';
import type { FindingKind } from '@sagsflow/shared';
import type { StoredFinding } from '../db/findings-queries';
import { formatDkk, kindName } from '../findings/wording';
import { mustExist } from './token';

/** Registers `sagsflow findings`: prints the precomputed findings of a log. */
export function registerFindings(program: Command): void {
  program
    .command('findings')
    .description('print the findings of a log: bottlenecks, rule violations, deviations, automation candidates, best practice')
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .requiredOption('--log <name>', 'log name')
    .option('--jobcenter <name>', "the findings computed on one jobcenter's cases (default: all jobcenters)")
    .option('--lang <lang>', 'da or en', 'en')
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; log: string; jobcenter?: string; lang: string; json?: boolean }) => {
      if (opts.lang !== 'da' && opts.lang !== 'en') throw new Error(`findings: --lang must be da or en, got "${opts.lang}"`);
      mustExist(opts.db);
      const [{ openDatabase }, { readFindings }, { findingJobcenters, storedGroupSize }] = await Promise.all([
        import('../db/client'),
        import('../db/findings-queries'),
        import('../db/log-queries'),
      ]);
      const store = openDatabase(opts.db);
      try {
        const log = storedGroupSize(store.sqlite, opts.log);
        if (!log) throw new Error(`findings: no log named "${opts.log}" in ${opts.db} (load one with sagsflow ingest)`);
        const rows = readFindings(store.sqlite, { log: opts.log, scope: opts.jobcenter ?? '', minGroupSize: log.k });
        if (opts.jobcenter && rows.length === 0) {
          const known = findingJobcenters(store.sqlite, opts.log);
          if (!known.includes(opts.jobcenter))
            throw new Error(
              `findings: no findings for jobcenter "${opts.jobcenter}" in log "${opts.log}" (known: ${known.join(', ') || 'none'})`,
            );
        }
        process.stdout.write(opts.json ? `${JSON.stringify(rows, null, 2)}\n` : formatFindings(rows, opts.lang));
      } finally {
        store.close();
      }
    });
}

/** The findings as text: one block per finding, kinds in order. */
export function formatFindings(rows: readonly StoredFinding[], lang: 'da' | 'en'): string {
  if (rows.length === 0) return lang === 'da' ? 'ingen fund\n' : 'no findings\n';
  const lines: string[] = [];
  for (const f of rows) {
    const where =
      f.rule ??
      f.activity ??
      (f.fromActivity !== null
        ? `${f.fromActivity} → ${f.toActivity}`
        : `${f.evidence['dimension']} ${f.evidence['variantNumber'] ?? f.evidence['group']}: ${f.evidence['measure']}`);
    lines.push(
      `${f.findingId}  ${kindName(f.kind as FindingKind, lang)} #${f.rank}  [${f.status}]  ${f.process}  ${where}  ${formatDkk(f.valueDkk, lang)}`,
    );
    lines.push(`  ${lang === 'da' ? f.summaryDa : f.summaryEn}`);
  }
  return `${lines.join('\n')}\n`;
}

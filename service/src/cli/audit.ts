import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { mustExist } from './token';

/** A `YYYY-MM-DD` day as UTC midnight. */
function parseDay(value: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(NaN);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
    throw new InvalidArgumentError(`expected a date YYYY-MM-DD, got "${value}"`);
  return d;
}

/** Registers `sagsflow audit export`: the audit trail of a date range as CSV. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit trail: who loaded, read, erased or revoked what');
  audit
    .command('export')
    .description('write the audit entries of a date range (UTC days, both included) as CSV; no token secrets or hashes')
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD', parseDay)
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD', parseDay)
    .requiredOption('--out <file>', 'CSV file to write')
    .action(async (opts: { db: string; from: Date; to: Date; out: string }) => {
      if (opts.to.getTime() < opts.from.getTime()) throw new Error('audit export: --to is before --from');
      mustExist(opts.db);
      const [{ openDatabase }, { auditCsv }] = await Promise.all([import('../db/client'), import('../tokens/index')]);
      const store = openDatabase(opts.db);
      try {
        const { csv, rows } = auditCsv(store.sqlite, opts.from, new Date(opts.to.getTime() + 86_400_000));
        writeFileSync(opts.out, csv);
        process.stdout.write(`${rows} audit entr${rows === 1 ? 'y' : 'ies'} written to ${opts.out}\n`);
      } finally {
        store.close();
      }
    });
}

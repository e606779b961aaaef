import type { Command } from 'commander';
import { mustExist } from './token';

/** Registers `sagsflow retention apply`: deletes the cases kept longer than their log's retention period. */
export function registerRetention(program: Command): void {
  const retention = program.command('retention').description('retention of personal data: cases are kept only as long as their log allows');
  retention
    .command('apply')
    .description("delete the cases whose last event is older than their log's retention period, rebuild the model tables and vacuum")
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .option('--dry-run', 'only count what would be deleted')
    .action(async (opts: { db: string; dryRun?: boolean }) => {
      mustExist(opts.db);
      const [{ openDatabase }, { applyRetention }] = await Promise.all([import('../db/client'), import('../governance/retention')]);
      const store = openDatabase(opts.db);
      try {
        const outcomes = applyRetention(store, { dryRun: opts.dryRun === true });
        if (outcomes.length === 0) process.stdout.write('no log has a retention period (set one with ingest --retention-years N)\n');
        for (const o of outcomes) {
          const rows =
            Object.entries(o.rows)
              .filter(([, n]) => n > 0)
              .map(([t, n]) => `${t} ${n}`)
              .join(', ') || 'none';
          const verb = opts.dryRun ? 'would delete' : 'deleted';
          process.stdout.write(
            `log "${o.log}" (${o.retentionYears} years, last event before ${o.cutoff.toISOString().slice(0, 10)}): ${verb} ${o.cases} case${o.cases === 1 ? '' : 's'} (rows: ${rows})\n`,
          );
        }
      } finally {
        store.close();
      }
    });
}

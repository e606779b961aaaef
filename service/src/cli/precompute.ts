import type { Command } from 'commander';

interface PrecomputeCliOptions {
  db: string;
  log?: string;
}

/**
 * Registers `sagsflow precompute`: recomputes the model tables of stored logs from their events.
 * Without `--log` it upgrades every log written before the current data contract (migration
 * 0008); with it, that one log.
 */
export function registerPrecompute(program: Command): void {
  program
    .command('precompute')
    .description(
      'recompute the model and summary tables (compliance, conformance, findings, teams) from the stored events (upgrades logs loaded before the current data contract)',
    )
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .option('--log <name>', 'recompute this log (default: every log that needs the upgrade)')
    .action(async (opts: PrecomputeCliOptions) => {
      const [{ openDatabase }, { reprecomputeLog, staleLogs }, { rebuildSummaries }, { summariesLine }] = await Promise.all([
        import('../db/client'),
        import('../precompute/index'),
        import('../governance/rebuild-summaries'),
        import('../governance/load-lines'),
      ]);
      const store = openDatabase(opts.db);
      try {
        const logs = opts.log ? [opts.log] : staleLogs(store.sqlite);
        if (logs.length === 0) process.stdout.write('every log is up to date\n');
        for (const log of logs) {
          const summary = reprecomputeLog(store.sqlite, log);
          if (summary === null) throw new Error(`--log: no log named '${log}' in ${opts.db}`);
          process.stdout.write(
            `log "${log}": model recomputed (${summary.steps.toLocaleString('en')} step rows, ${summary.cases.toLocaleString('en')} cases)\n`,
          );
          process.stdout.write(summariesLine(log, rebuildSummaries(store.sqlite, log)!));
        }
      } finally {
        store.close();
      }
    });
}

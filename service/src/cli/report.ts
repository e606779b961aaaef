import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { mustExist } from './token';

/** Registers `sagsflow report`: writes the evaluation report of a log as one HTML file. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'write the evaluation report of a log as one self-contained HTML file (prints to A4); analyst-only: exact figures, not the viewer-grade model',
    )
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .requiredOption('--log <name>', 'log name')
    .option('--jobcenter <name>', "report on one jobcenter's cases (default: all jobcenters)")
    .option('--lang <lang>', 'da or en', 'da')
    .requiredOption('--out <file>', 'HTML file to write')
    .option('--effect-date <YYYY-MM-DD>', 'add the measured effect of a change on this date')
    .option('--effect-jobcenter <name...>', 'with --effect-date: the jobcenters that changed (the others are the control group)')
    .action(
      async (opts: {
        db: string;
        log: string;
        jobcenter?: string;
        lang: string;
        out: string;
        effectDate?: string;
        effectJobcenter?: string[];
      }) => {
        if (opts.lang !== 'da' && opts.lang !== 'en') throw new Error(`report: --lang must be da or en, got "${opts.lang}"`);
        mustExist(opts.db);
        const [{ openDatabase }, { readReportData }, { renderReport }, { addPredictions }] = await Promise.all([
          import('../db/client'),
          import('../report/report-data'),
          import('../report/render-report'),
          import('../report/predictions'),
        ]);
        const store = openDatabase(opts.db);
        let html: string;
        try {
          const data = readReportData(store.sqlite, { log: opts.log, scope: opts.jobcenter ?? '', lang: opts.lang, now: Date.now() });
          html = renderReport(addPredictions(store.sqlite, data, { effectDate: opts.effectDate, effectJobcenters: opts.effectJobcenter }));
        } finally {
          store.close();
        }
        try {
          writeFileSync(opts.out, html);
        } catch (err) {
          throw new Error(`report: cannot write ${opts.out}: ${(err as Error).message}`);
        }
        process.stderr.write(`wrote ${opts.out} (${Math.round(html.length / 1024)} KB)\n`);
      },
    );
}

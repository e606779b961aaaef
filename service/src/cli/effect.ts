import type { Command } from 'commander';
import type { EffectFigure, EffectReport } from '../whatif/effect-report';
import { formatSeconds } from './format';
import { mustExist } from './token';

interface EffectCliOptions {
  db: string;
  log: string;
  date: string;
  jobcenter: string[];
  json?: boolean;
}

/** Registers `sagsflow effect`: key figures before and after a change, with intervals and a control group. */
export function registerEffect(program: Command): void {
  program
    .command('effect')
    .description('measure whether a change worked: key figures before and after a date, against jobcenters that did not change')
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .requiredOption('--log <name>', 'the stored log')
    .requiredOption('--date <YYYY-MM-DD>', 'the local date the change took effect')
    .option('--jobcenter <name...>', 'the jobcenters that changed (the others are the control group)', [])
    .option('--json', 'print the result as JSON')
    .action(async (opts: EffectCliOptions) => {
      mustExist(opts.db);
      const [{ openDatabase }, { readStoredLog }, { attachedRules }, { effectReport }] = await Promise.all([
        import('../db/client'),
        import('../db/stored-log'),
        import('../whatif/attached-rules'),
        import('../whatif/effect-report'),
      ]);
      const store = openDatabase(opts.db, { readonly: true });
      try {
        const stored = readStoredLog(store.sqlite, opts.log);
        const report = effectReport(stored, { date: opts.date, jobcenters: opts.jobcenter, rules: attachedRules(store.sqlite, stored) });
        process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : renderEffect(report));
      } finally {
        store.close();
      }
    });
}

/** The effect as a table: one line per figure, the estimate that counts and whether it is a real change. */
export function renderEffect(r: EffectReport): string {
  const who = r.jobcenters.length > 0 ? r.jobcenters.join(', ') : 'all jobcenters';
  const comparison = r.method === 'same-months-previous-year' ? 'the same months a year earlier' : 'the equally long period just before';
  const lines = [
    `effect of the change on ${r.date} in ${who} (log '${r.log}', version ${r.version})`,
    `cases started ${r.after.from} to ${r.after.to} compared with ${comparison} (${r.before.from} to ${r.before.to})` +
      (r.figures.some((f) => f.control) ? '; difference in differences against the other jobcenters' : ''),
    '',
  ];
  for (const f of r.figures) lines.push(line(f));
  if (r.figures.length === 0) lines.push('no figure has enough cases on both sides of the date');
  return `${lines.join('\n')}\n`;
}

function line(f: EffectFigure): string {
  const show = (v: number) => (f.unit === 'seconds' ? formatSeconds(v) : `${(v * 100).toFixed(1)}%`);
  const name =
    f.metric === 'throughput'
      ? 'median throughput time'
      : f.metric === 'rework'
        ? 'rework share'
        : f.metric === 'waiting'
          ? `wait ${f.key}`
          : `compliance ${f.key}`;
  const e = f.difference ?? f.change;
  const label = f.difference ? 'diff-in-diff' : 'change';
  return `${name.padEnd(48)} ${show(f.treated.before)} -> ${show(f.treated.after)}  ${label} ${show(e.value)} (95% ${show(e.low)} to ${show(e.high)})${f.detected ? '  CHANGED' : ''}`;
}

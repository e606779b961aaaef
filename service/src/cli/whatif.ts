import type { Command } from 'commander';
import type { WhatIfReport } from '../whatif/whatif-report';
import { WHATIF_DEFAULTS } from '../whatif/defaults';
import type { WhatIfChange } from '@sagsflow/shared';
import { formatSeconds } from './format';
import { mustExist } from './token';

interface WhatIfCliOptions {
  db: string;
  log: string;
  activity: string;
  processing?: string;
  waiting?: string;
  from?: string;
  remove?: boolean;
  cutRework?: boolean;
  minutesPerEvent: string;
  json?: boolean;
}

/** Registers `sagsflow whatif`: what a change to one activity would do to throughput time and work hours. */
export function registerWhatIf(program: Command): void {
  program
    .command('whatif')
    .description("predict what a change to one activity would do, replayed on the log's own finished cases")
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .requiredOption('--log <name>', 'the stored log')
    .requiredOption('--activity <name>', 'the activity the change is about')
    .option('--processing <factor>', 'processing time (start to complete) × factor, e.g. 0.5')
    .option('--waiting <factor>', 'waiting time before the activity × factor, e.g. 0 for no wait')
    .option('--from <activity>', 'with --waiting: only the wait after this activity (one edge)')
    .option('--remove', 'the activity is no longer done')
    .option('--cut-rework', 'repeats of the activity (a rework loop) no longer happen')
    .option('--minutes-per-event <n>', 'work minutes per event where the log has no start events', String(WHATIF_DEFAULTS.minutesPerEvent))
    .option('--json', 'print the prediction as JSON')
    .action(async (opts: WhatIfCliOptions) => {
      const change = changeFrom(opts);
      const minutesPerEvent = factor(opts.minutesPerEvent, '--minutes-per-event');
      mustExist(opts.db);
      const [{ openDatabase }, { readStoredLog }, { attachedRules }, { whatIfReport }] = await Promise.all([
        import('../db/client'),
        import('../db/stored-log'),
        import('../whatif/attached-rules'),
        import('../whatif/whatif-report'),
      ]);
      const store = openDatabase(opts.db, { readonly: true });
      try {
        const stored = readStoredLog(store.sqlite, opts.log);
        const report = whatIfReport(stored, change, { minutesPerEvent, rules: attachedRules(store.sqlite, stored) });
        process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : renderWhatIf(report));
      } finally {
        store.close();
      }
    });
}

function changeFrom(opts: WhatIfCliOptions): WhatIfChange {
  const given = [opts.processing !== undefined, opts.waiting !== undefined, opts.remove === true, opts.cutRework === true].filter(
    Boolean,
  ).length;
  if (given !== 1) throw new Error('whatif: give exactly one of --processing F, --waiting F, --remove, --cut-rework');
  if (opts.from !== undefined && opts.waiting === undefined) throw new Error('whatif: --from names an edge and goes with --waiting');
  const change: WhatIfChange = { activity: opts.activity };
  if (opts.processing !== undefined) change.processingFactor = factor(opts.processing, '--processing');
  if (opts.waiting !== undefined) change.waitingFactor = factor(opts.waiting, '--waiting');
  if (opts.from !== undefined) change.from = opts.from;
  if (opts.remove) change.remove = true;
  if (opts.cutRework) change.cutRework = true;
  return change;
}

function factor(value: string, option: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new Error(`${option}: expected a number >= 0, got "${value}"`);
  return n;
}

/** The prediction as a few lines a manager reads. */
export function renderWhatIf(r: WhatIfReport): string {
  const t = r.throughput;
  const band = (e: { lowSeconds: number; highSeconds: number }) =>
    `(95% ${formatSeconds(e.lowSeconds)} to ${formatSeconds(e.highSeconds)})`;
  const lines = [
    `what if: ${describeChange(r)} in log '${r.log}' (version ${r.version})`,
    `finished cases compared: ${r.cases}; instances changed: ${r.instancesChanged}; events removed: ${r.eventsRemoved}`,
    `median throughput time: ${formatSeconds(t.before.median.seconds)} -> ${formatSeconds(t.after.median.seconds)}, change ${formatSeconds(t.medianChange.seconds)} ${band(t.medianChange)}`,
    `90th percentile:        ${formatSeconds(t.before.p90.seconds)} -> ${formatSeconds(t.after.p90.seconds)}, change ${formatSeconds(t.p90Change.seconds)} ${band(t.p90Change)}`,
    r.hoursBasis === 'none'
      ? 'work hours saved: none (the change shortens waiting, not work)'
      : `work hours saved: ${r.hoursSavedPerYear.toFixed(0)} a year (from ${r.hoursBasis === 'processing-times' ? 'measured processing times' : 'minutes per event'}, scaled from ${r.spanDays.toFixed(0)} days of data)`,
  ];
  for (const d of r.deadlines) {
    lines.push(
      `rule ${d.rule}: ${d.violatedBefore} cases violate it today, ${d.violatedAfter} would; ${d.wouldMeet} would now meet it` +
        (d.wouldMiss > 0 ? `, ${d.wouldMiss} would now miss it` : ''),
    );
  }
  return `${lines.join('\n')}\n`;
}

function describeChange(r: WhatIfReport): string {
  const c = r.change;
  if (c.processingFactor !== undefined) return `processing of '${c.activity}' × ${c.processingFactor}`;
  if (c.waitingFactor !== undefined) return `waiting before '${c.activity}'${c.from ? ` after '${c.from}'` : ''} × ${c.waitingFactor}`;
  if (c.remove) return `'${c.activity}' removed`;
  return `rework loop on '${c.activity}' cut`;
}

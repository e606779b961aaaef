import type { Command } from 'commander';
import { Option } from 'commander';
import { addDuplicateOptions, keepDuplicatesOf, type DuplicateFlags } from './duplicates';

interface SummaryOptions extends DuplicateFlags {
  mapping?: string;
  lifecycle: 'all' | 'complete';
  json: boolean;
}

/** Registers `sagsflow summary`: mines one extract in memory and prints what it holds. */
export function registerSummary(program: Command): void {
  const command = program
    .command('summary')
    .description('mine an event log (CSV, CSV.GZ, XES, XES.GZ) in memory and print a summary')
    .argument('<file>', 'the extract to read')
    .option('--mapping <file>', 'column mapping JSON (default: guessed from the header)')
    .addOption(new Option('--lifecycle <which>', 'events to keep').choices(['all', 'complete']).default('all'))
    .option('--json', 'print the summary as JSON on stdout', false);
  addDuplicateOptions(command).action(async (file: string, opts: SummaryOptions) => {
    const keepDuplicates = keepDuplicatesOf(opts);
    const [
      { describeColumns, personalKeyTest },
      { keepCompleteEvents },
      { loadLogInMemory },
      { summarizeLog },
      { DEFAULT_TIMEZONE },
      { renderSummary },
    ] = await Promise.all([
      import('../ingest/column-roles'),
      import('@sagsflow/shared'),
      import('./load-log'),
      import('./summary-report'),
      import('../readers/timestamps'),
      import('./summary-text'),
    ]);
    // The mapping module (and its schema library) is loaded only when a mapping file is given.
    const mapping = opts.mapping ? await (await import('../readers/mapping')).loadMapping(opts.mapping) : undefined;
    const loaded = await loadLogInMemory(file, mapping, keepDuplicates);
    const log = opts.lifecycle === 'complete' ? keepCompleteEvents(loaded.log) : loaded.log;
    const r = loaded.report;
    const columns = describeColumns(r.mapping, r.columns, r.mappingGuessed, personalKeyTest(r.mapping.pseudonymize));
    const summary = {
      ...summarizeLog(log, r.rows, { endActivities: mapping?.endActivities, duplicatePolicy: r.duplicatePolicy, identical: r.identical }),
      columns,
    };
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      return;
    }
    process.stdout.write(
      renderSummary(file, summary, loaded.rejections, loaded.report.format === 'xes', mapping?.timezone ?? DEFAULT_TIMEZONE),
    );
  });
}

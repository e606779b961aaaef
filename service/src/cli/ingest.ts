import type { Command } from 'commander';
import { Option } from 'commander';
import { PROCESS_NAMES } from '../processes/types';
import { parsePositive } from './serve';
import { addDuplicateOptions, keepDuplicatesOf, type DuplicateFlags } from './duplicates';
import type { ReadWorker } from '../ingest/worker-read';

interface IngestCliOptions extends DuplicateFlags {
  db: string;
  log: string;
  process?: string;
  mapping?: string;
  model?: string;
  rules?: string;
  minGroupSize: string;
  maxQuarantineShare?: string;
  maxCaseDrop?: string;
  dryRun?: boolean;
  /** governance (issue 15) */
  retentionYears?: string;
  purpose?: string;
  legalBasis?: string;
  controller?: string;
  /** versions (issue 13) */
  keepVersions?: string;
  append?: boolean;
}

function parseShare(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (!(text.trim() !== '' && x >= 0 && x <= 1)) throw new Error(`${flag}: expected a share from 0 to 1 (0.05 = 5%), got '${text}'`);
  return x;
}

/** Registers `sagsflow ingest`: loads extracts as a new version of a log and precomputes its model. */
export function registerIngest(program: Command): void {
  const command = program
    .command('ingest')
    .description('load one or more extracts as a new version of a log: clean, pseudonymise, precompute the model tables')
    .argument('<files...>', 'extracts (CSV, CSV.GZ, XES, XES.GZ), read as one load')
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .requiredOption('--log <name>', 'name of the log this load becomes a new version of')
    .addOption(
      new Option('--process <name>', 'pilot process of every case (default: a Proces column, else the log name)').choices([
        ...PROCESS_NAMES,
      ]),
    )
    .option('--mapping <file>', 'column mapping JSON (default: guessed from the header)')
    .option('--model <file>', 'BPMN model to check the cases against (default with --process: processes/<name>/model.bpmn)')
    .option('--rules <file>', "rule catalogue (YAML) to check the load against (default: the --process's processes/<name>/rules.yaml)")
    .option('--min-group-size <k>', 'minimum group size shown to people', '5')
    .option('--max-quarantine-share <share>', 'refuse the load when more of its rows are quarantined (default 0.05)')
    .option('--max-case-drop <share>', 'refuse the load when it has this much fewer cases than the current version (default 0.1)')
    .option('--dry-run', 'read, check and precompute, report, and store nothing')
    .option('--append', "add the files to the current version (say next month's extract); rows already in it count as duplicates")
    .option('--keep-versions <n>', 'versions kept so that they can be made current again, this one included (default 5)')
    .option(
      '--retention-years <n>',
      'keep a case this many years after its last event; stored with the log and applied by every load (see sagsflow retention apply)',
    )
    .option('--purpose <text>', 'why the log is processed; required (once per log) when it holds pseudonymised columns besides the case id')
    .option('--legal-basis <text>', 'legal basis of the processing, e.g. "GDPR art. 6(1)(e); LAB § 4"; required like --purpose')
    .option('--controller <text>', 'data controller (dataansvarlig), e.g. the municipality; required like --purpose');
  addDuplicateOptions(command).action(async (files: string[], opts: IngestCliOptions) => {
    const minGroupSize = parsePositive(opts.minGroupSize, '--min-group-size');
    const maxQuarantineShare = parseShare(opts.maxQuarantineShare, '--max-quarantine-share');
    const maxCaseDrop = parseShare(opts.maxCaseDrop, '--max-case-drop');
    const retentionYears = opts.retentionYears === undefined ? undefined : parsePositive(opts.retentionYears, '--retention-years');
    const keepDuplicates = keepDuplicatesOf(opts);
    const keepVersions = opts.keepVersions === undefined ? undefined : parsePositive(opts.keepVersions, '--keep-versions');
    // A large load's reader worker boots while this thread loads the modules below and opens the database.
    const readWorker = (await import('../ingest/worker-read')).startReadWorkerFor(files);
    try {
      await ingestCommand(files, opts, {
        minGroupSize,
        maxQuarantineShare,
        maxCaseDrop,
        retentionYears,
        keepDuplicates,
        keepVersions,
        readWorker,
      });
    } finally {
      readWorker?.end();
    }
  });
}

/** The parsed figures of `ingest`'s options, and the reader worker started for the load. */
interface IngestFigures {
  minGroupSize: number;
  maxQuarantineShare: number | undefined;
  maxCaseDrop: number | undefined;
  retentionYears: number | undefined;
  keepDuplicates: boolean | undefined;
  keepVersions: number | undefined;
  readWorker: ReadWorker | undefined;
}

/** Runs `sagsflow ingest` once its options are parsed: loads the files and prints the load's report. */
async function ingestCommand(files: string[], opts: IngestCliOptions, figures: IngestFigures): Promise<void> {
  const { minGroupSize, maxQuarantineShare, maxCaseDrop, retentionYears, keepDuplicates, keepVersions, readWorker } = figures;
  const [
    { cleanPurpose },
    { openForLoad },
    { ingestFiles },
    { LOG_NAME },
    { catalogueForLoad },
    { attachedModel },
    { createProgress },
    { renderLoadReport },
  ] = await Promise.all([
    import('../governance/purpose'),
    import('../db/new-database'),
    import('../ingest/index'),
    import('../ingest/log-name'),
    import('../rules/attach'),
    import('../conformance/attached-model'),
    import('./progress'),
    import('./load-report-text'),
  ]);
  if (!LOG_NAME.test(opts.log)) throw new Error(`--log: log name '${opts.log}' is invalid: use 1-100 letters, digits, '_', '-' or '.'`);
  // The mapping reader (and its zod schema) is loaded only for a load with a mapping file.
  const mapping = opts.mapping ? await (await import('../readers/mapping')).loadMapping(opts.mapping) : undefined;
  const model = await attachedModel(opts.model, opts.process, mapping?.modelLabels);
  const rules = await catalogueForLoad({ rulesPath: opts.rules, process: opts.process });
  // A new database is built under a temporary name and put in place by close(): the report is printed after.
  const store = openForLoad(opts.db);
  const progress = createProgress('loading');
  let report;
  try {
    report = await ingestFiles(store, {
      files,
      log: opts.log,
      ...(opts.process ? { process: opts.process } : {}),
      ...(mapping ? { mapping } : {}),
      ...(keepDuplicates === undefined ? {} : { keepDuplicates }),
      ...(model ? { model } : {}),
      ...(rules ? { rules } : {}),
      minGroupSize,
      policy: {
        ...(maxQuarantineShare !== undefined ? { maxQuarantineShare } : {}),
        ...(maxCaseDrop !== undefined ? { maxCaseDrop } : {}),
      },
      dryRun: opts.dryRun === true,
      governance: {
        purpose: cleanPurpose(opts, 'cli'),
        requirePurpose: true,
        via: 'cli',
        ...(retentionYears !== undefined ? { retentionYears } : {}),
      },
      ...(keepVersions !== undefined ? { keepVersions } : {}),
      ...(opts.append ? { append: true } : {}),
      ...(readWorker ? { readWorker } : {}),
      onProgress: (p) => progress.update(p.bytesRead, p.bytesTotal),
    });
  } finally {
    progress.stop();
    store.close();
  }
  process.stdout.write(renderLoadReport(report, mapping?.timezone));
}

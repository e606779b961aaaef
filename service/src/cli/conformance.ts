import type { Command } from 'commander';
import type { EventLog } from '@sagsflow/shared';
import type { ColumnMapping } from '../readers/index';
import type { ConformanceReport } from '../conformance/conformance-report';

interface ConformanceOptions {
  mapping?: string;
  model: string;
  json: boolean;
  budget?: string;
}

/** Registers `sagsflow conformance`: aligns and replays extracts on a BPMN model. */
export function registerConformance(program: Command): void {
  program
    .command('conformance')
    .description('how far the cases of a log follow a BPMN model: alignments, token replay, deviations per activity')
    .argument('<files...>', 'the extracts to read (one log)')
    .requiredOption('--model <file>', 'the BPMN 2.0 model (to-be workflow)')
    .option('--mapping <file>', 'column mapping JSON; its "modelLabels" maps model task names to log activities')
    .option('--budget <states>', 'search states one variant may expand before it is reported as over budget')
    .option('--json', 'print the figures as JSON on stdout', false)
    .action(async (files: string[], opts: ConformanceOptions) => {
      const [{ keepCompleteEvents }, { loadMapping }, { conformanceReport }, { loadModel }, { createProgress }] = await Promise.all([
        import('@sagsflow/shared'),
        import('../readers/index'),
        import('../conformance/conformance-report'),
        import('../conformance/load-model'),
        import('./progress'),
      ]);
      const mapping = opts.mapping ? await loadMapping(opts.mapping) : undefined;
      const model = await loadModel(opts.model, mapping?.modelLabels ?? {});
      const log = keepCompleteEvents(await readLogs(files, mapping));
      const progress = createProgress('aligning');
      let report: ConformanceReport;
      try {
        report = conformanceReport(log, model, {
          ...(opts.budget ? { budget: positiveInteger(opts.budget) } : {}),
          onVariant: (done, total) => progress.update(done, total),
        });
      } finally {
        progress.stop();
      }
      if (report.alignment.budgetExceededVariants > 0) {
        process.stderr.write(
          `sagsflow: ${report.alignment.budgetExceededVariants} variants (${report.alignment.budgetExceededCases} cases) exceeded the search budget and are left out of the alignment figures\n`,
        );
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(report.json, null, 2)}\n`);
        return;
      }
      process.stdout.write(renderConformance(opts.model, report));
    });
}

async function readLogs(files: readonly string[], mapping: ColumnMapping | undefined): Promise<EventLog> {
  const [{ EventLogBuilder }, { readLog }, { createProgress }] = await Promise.all([
    import('@sagsflow/shared'),
    import('../readers/index'),
    import('./progress'),
  ]);
  const builder = new EventLogBuilder();
  const progress = createProgress('reading');
  try {
    for (const file of files) {
      const report = await readLog(file, {
        mapping,
        sink: {
          onEvent: ({ event: e }) => builder.addEvent(e.caseId, e.activity, e.timestamp, e.resource, e.lifecycle),
          onReject: () => {},
          onProgress: (done, total) => progress.update(done, total),
        },
      });
      if (report.rows.quarantined > 0) {
        process.stderr.write(
          `sagsflow: ${file}: ${report.rows.quarantined} of ${report.rows.read} records quarantined (see sagsflow summary)\n`,
        );
      }
    }
  } finally {
    progress.stop();
  }
  return builder.build();
}

function positiveInteger(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--budget: expected a whole number of states >= 1, got ${JSON.stringify(text)}`);
  return n;
}

function renderConformance(modelFile: string, r: ConformanceReport): string {
  const fit = (x: number | null) => (x === null ? '-' : x.toFixed(4));
  const pct = (x: number | null) => (x === null ? '-' : `${x.toFixed(1)} %`);
  const n = (x: number) => x.toLocaleString('en');
  const { model, alignments, tokenReplay } = r.json;
  const width = Math.max(8, ...r.json.activities.map((a) => a.activity.length));
  const lines = [
    `model         ${modelFile}: ${model.tasks} tasks, ${model.places} places, ${model.transitions} transitions; shortest run ${r.alignment.shortestRun} steps`,
    `log           ${n(r.cases)} cases, ${n(r.variants)} variants`,
    `alignments    log fitness ${fit(alignments.logFitness)}, average trace fitness ${fit(alignments.averageTraceFitness)}, fitting traces ${pct(alignments.fittingTracesPct)}`,
    `token replay  log fitness ${fit(tokenReplay.logFitness)}, fitting traces ${pct(tokenReplay.fittingTracesPct)}`,
    '',
    `  ${'activity'.padEnd(width)}  ${'log moves'.padStart(10)}  ${'model moves'.padStart(11)}`,
    ...r.json.activities.map((a) => `  ${a.activity.padEnd(width)}  ${n(a.logMoves).padStart(10)}  ${n(a.modelMoves).padStart(11)}`),
  ];
  if (r.labels.modelTasksNotInLog.length) lines.push('', `model tasks never in the log: ${r.labels.modelTasksNotInLog.join('; ')}`);
  if (r.labels.logActivitiesNotInModel.length)
    lines.push('', `log activities unknown to the model: ${r.labels.logActivitiesNotInModel.join('; ')}`);
  if (r.alignment.budgetExceededVariants) {
    lines.push(
      '',
      `over the search budget: ${n(r.alignment.budgetExceededVariants)} variants, ${n(r.alignment.budgetExceededCases)} cases (not in the figures)`,
    );
  }
  return `${lines.join('\n')}\n`;
}

import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { PlantedChange, ProcessName } from '../generate/index';
import { PROCESS_NAMES } from '../processes/types';

/** Registers `sagsflow generate`: writes a synthetic extract of one pilot process. */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write a synthetic sample extract of a pilot process (illustrative activities and timings)')
    .addOption(new Option('--process <name>', 'pilot process').choices([...PROCESS_NAMES]).makeOptionMandatory())
    .requiredOption('--cases <n>', 'number of cases', parseCount)
    .option('--seed <s>', 'seed: the same seed writes the same bytes', '1')
    .requiredOption('--out <file>', 'CSV file to write')
    .option('--dirty', 'add the dirt of real extracts (semicolons, Windows-1252, Danish dates, duplicates, bad rows)', false)
    .option('--deviations', 'deviate from the process model in closed cases: 5 % skipped steps, 3 % repeated steps', false)
    .option('--plant-jobcenter <name>', 'plant a change in this jobcenter (with --plant-from and --plant-activity)')
    .option('--plant-from <YYYY-MM-DD>', 'cases starting on or after this date change')
    .option('--plant-activity <name>', 'the activity whose wait (or rework loop) changes')
    .option('--plant-waiting <factor>', 'the wait before the activity × factor (0..1), e.g. 0.5 halves it')
    .option('--plant-stop-rework', 'repeats of the activity no longer happen')
    .action(async (opts: GenerateCliOptions) => {
      const { generateLog } = await import('../generate/index');
      const report = await generateLog({
        process: opts.process,
        cases: opts.cases,
        seed: opts.seed,
        dirty: opts.dirty,
        deviations: opts.deviations,
        out: opts.out,
        plant: plantFrom(opts),
      });
      process.stdout.write(
        `wrote ${opts.out}: ${report.cases.toLocaleString('en')} cases, ${report.events.toLocaleString('en')} events` +
          (opts.dirty ? `, ${report.duplicates} duplicate and ${report.badRows} bad rows injected` : '') +
          (opts.deviations ? `, ${report.deviations.skippedSteps} skipped and ${report.deviations.repeatedSteps} repeated steps` : '') +
          (report.planted ? `, a change planted in ${report.planted.cases.toLocaleString('en')} cases` : '') +
          '\n',
      );
    });
}

interface GenerateCliOptions {
  process: ProcessName;
  cases: number;
  seed: string;
  out: string;
  dirty: boolean;
  deviations: boolean;
  plantJobcenter?: string;
  plantFrom?: string;
  plantActivity?: string;
  plantWaiting?: string;
  plantStopRework?: boolean;
}

function plantFrom(opts: GenerateCliOptions): PlantedChange | undefined {
  const given = [opts.plantJobcenter, opts.plantFrom, opts.plantActivity, opts.plantWaiting, opts.plantStopRework].some(
    (v) => v !== undefined,
  );
  if (!given) return undefined;
  if (!opts.plantJobcenter || !opts.plantFrom || !opts.plantActivity) {
    throw new InvalidArgumentError('a planted change needs --plant-jobcenter, --plant-from and --plant-activity');
  }
  const change: PlantedChange = { jobcenter: opts.plantJobcenter, from: opts.plantFrom, activity: opts.plantActivity };
  if (opts.plantWaiting !== undefined) {
    const factor = Number(opts.plantWaiting);
    if (opts.plantWaiting.trim() === '' || !Number.isFinite(factor))
      throw new InvalidArgumentError(`--plant-waiting: expected a number from 0 to 1, got "${opts.plantWaiting}"`);
    change.waitingFactor = factor;
  }
  if (opts.plantStopRework) change.stopRework = true;
  return change;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number of cases >= 1, got "${value}"`);
  return n;
}

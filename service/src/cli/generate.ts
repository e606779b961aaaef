import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { generateLog, PROCESS_NAMES } from '../generate/index';
import type { ProcessName } from '../generate/index';

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
    .action(async (opts: { process: ProcessName; cases: number; seed: string; out: string; dirty: boolean; deviations: boolean }) => {
      const report = await generateLog({
        process: opts.process,
        cases: opts.cases,
        seed: opts.seed,
        dirty: opts.dirty,
        deviations: opts.deviations,
        out: opts.out,
      });
      process.stdout.write(
        `wrote ${opts.out}: ${report.cases.toLocaleString('en')} cases, ${report.events.toLocaleString('en')} events` +
          (opts.dirty ? `, ${report.duplicates} duplicate and ${report.badRows} bad rows injected` : '') +
          (opts.deviations ? `, ${report.deviations.skippedSteps} skipped and ${report.deviations.repeatedSteps} repeated steps` : '') +
          '\n',
      );
    });
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number of cases >= 1, got "${value}"`);
  return n;
}

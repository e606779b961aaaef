import { Command, CommanderError } from 'commander';
import { registerSummary } from './summary';
import { registerGenerate } from './generate';
import { registerIngest } from './ingest';
import { registerToken } from './token';
import { registerServe } from './serve';
import { registerDemo } from './demo';
import { registerRules } from './rules';
import { registerWhatIf } from './whatif';
import { registerEffect } from './effect';
import { registerFindings } from './findings';
import { registerReport } from './report';
import { registerPowerBi } from './powerbi';
import { registerPrecompute } from './precompute';
import { userMessage } from './errors';
import { registerConformance } from './conformance';
// governance (issue 15)
import { registerKey } from './key';
import { registerAudit } from './audit';
import { registerErase } from './erase';
import { registerRetention } from './retention';
// versions (issue 13)
import { registerVersions } from './versions';

// How to add a command (keeps `sagsflow --help` at Node's start-up time, goal 0.15 s):
// `cli/<name>.ts` exports `register<Name>(program)`, which only declares the command: its name,
// arguments, options with their parsers, choices and defaults. At the top that file imports only
// commander, node: built-ins, types (`import type`) and small definition modules (constant lists
// such as processes/types.ts or tokens/roles.ts, the helpers of this folder that import nothing
// heavy). Everything the command runs (the database, readers, the mining core, yaml, bpmn-moddle,
// the server, cli-progress) is loaded inside the action:
//   .action(async (file: string, opts: Options) => {
//     const [{ openDatabase }, { readThing }] = await Promise.all([import('../db/client'), import('../x/read-thing')]);
//     ...
//   });
// and a helper that renders the result lives in its own module the action imports the same way
// (see summary-text.ts, load-report-text.ts). esbuild turns each import() into a chunk loaded only
// when that command runs. cli/lazy-commands.test.ts checks the compiled main chunk holds none of it.

/**
 * Runs the `sagsflow` command line and returns the exit status.
 * Every failure a user can cause is printed as one line; stack traces only with SAGSFLOW_DEBUG=1.
 *
 * @example
 * process.exitCode = await main(['node', 'sagsflow', 'summary', 'log.csv', '--json']);
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('sagsflow')
    .description('Process mining for public-sector case work: mine event logs and feed Power BI.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerSummary(program);
  registerGenerate(program);
  registerIngest(program);
  registerToken(program);
  registerServe(program);
  registerDemo(program);
  registerRules(program);
  registerWhatIf(program);
  registerEffect(program);
  registerConformance(program);
  registerFindings(program);
  registerReport(program);
  registerPowerBi(program);
  registerPrecompute(program);
  // governance (issue 15)
  registerKey(program);
  registerAudit(program);
  registerErase(program);
  registerRetention(program);
  // versions (issue 13)
  registerVersions(program);
  try {
    await program.parseAsync(argv as string[]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`sagsflow: ${userMessage(error)}\n`);
    if (process.env['SAGSFLOW_DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

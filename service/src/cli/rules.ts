import type { Command } from 'commander';
import { Option } from 'commander';
import type { Language } from '../rules/list-report';

interface CheckOptions {
  mapping?: string;
  rules: string;
  asOf?: string;
  json: boolean;
  cases: boolean;
}

/** Registers `sagsflow rules check` and `sagsflow rules list`. */
export function registerRules(program: Command): void {
  const rules = program.command('rules').description('check event logs against a rule catalogue (deadlines, order, four-eyes)');
  rules
    .command('check')
    .description('check one or more extracts against a rule catalogue; prints per rule its counts and compliance rate (stores nothing)')
    .argument('<files...>', 'extracts (CSV, CSV.GZ, XES, XES.GZ), read as one log')
    .requiredOption('--rules <file>', 'the rule catalogue (YAML)')
    .option('--mapping <file>', 'column mapping JSON (default: guessed from the header)')
    .option('--as-of <date>', 'only events up to this local date count (YYYY-MM-DD; default: the date of the last event)')
    .option('--json', 'print JSON on stdout', false)
    .option('--cases', 'with --json, also list every case under every rule', false)
    .action(async (files: string[], opts: CheckOptions) => {
      const [
        { evaluateRules, parseIsoDate },
        { loadMapping },
        { ruleCheckReport, renderRuleCheck, sharesByJobcenter },
        { loadCatalogue },
        { loadRuleLog },
        { createProgress },
      ] = await Promise.all([
        import('@sagsflow/shared'),
        import('../readers/index'),
        import('../rules/check-report'),
        import('../rules/parse-catalogue'),
        import('../rules/load-rule-log'),
        import('./progress'),
      ]);
      const { catalogue } = await loadCatalogue(opts.rules);
      const asOfDay = opts.asOf === undefined ? null : parseAsOf(opts.asOf, parseIsoDate);
      const mapping = opts.mapping ? await loadMapping(opts.mapping) : undefined;
      const progress = createProgress('reading');
      let log;
      let reports;
      try {
        const wanted = new Set(catalogue.rules.flatMap((r) => (r.where ? [r.where.attribute] : [])));
        ({ log, reports } = await loadRuleLog(files, {
          mapping,
          caseAttributes: wanted,
          onProgress: (file, done, total) => progress.update(file * total + done, files.length * total),
        }));
      } finally {
        progress.stop();
      }
      for (const r of reports) {
        if (r.rows.quarantined > 0)
          process.stderr.write(
            `note: ${r.file}: ${r.rows.quarantined.toLocaleString('en')} rows quarantined and not checked (sagsflow summary shows why)\n`,
          );
      }
      const evaluation = evaluateRules(log, catalogue, { asOfDay });
      const report = ruleCheckReport(log, catalogue, evaluation, opts.cases);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(report)}\n`);
        return;
      }
      process.stdout.write(renderRuleCheck(report, sharesByJobcenter(log, evaluation), log.caseIds.length));
    });
  rules
    .command('list')
    .description('show the rules of a catalogue in Danish or English')
    .requiredOption('--rules <file>', 'the rule catalogue (YAML)')
    .addOption(new Option('--lang <lang>', 'language').choices(['da', 'en']).default('da'))
    .action(async (opts: { rules: string; lang: Language }) => {
      const [{ loadCatalogue }, { renderRuleList }] = await Promise.all([
        import('../rules/parse-catalogue'),
        import('../rules/list-report'),
      ]);
      const { catalogue } = await loadCatalogue(opts.rules);
      process.stdout.write(renderRuleList(catalogue, opts.lang));
    });
}

function parseAsOf(text: string, parseIsoDate: (text: string) => number): number {
  try {
    return parseIsoDate(text);
  } catch {
    throw new Error(`--as-of: not a date, got ${JSON.stringify(text)}, expected YYYY-MM-DD`);
  }
}

import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { ReportLang } from '../powerbi/index';

interface PowerBiCliOptions {
  url: string;
  lang: ReportLang;
  process?: string;
  visual?: string;
  caseTables: boolean;
  out: string;
}

/** Registers `sagsflow powerbi`: writes a Power BI project (PBIP) wired to the OData feed. */
export function registerPowerBi(program: Command): void {
  program
    .command('powerbi')
    .description('write a Power BI project (Sagsflow.pbip with semantic model and report) over the OData feed')
    .requiredOption('--url <url>', 'the OData feed, e.g. https://HOST/odata')
    .addOption(new Option('--lang <lang>', 'language of pages, measures and captions').choices(['da', 'en']).default('da'))
    .option('--process <name>', 'load only this process (default: all processes)')
    .option('--visual <file>', 'the packaged visual (.pbiviz); default the newest in dist/')
    .option(
      '--no-case-tables',
      'leave out case-level tables (Cases and the per-case rule, conformance and findings tables) and the findings, so that a viewer token can refresh',
    )
    .requiredOption('--out <dir>', 'folder to write the project to')
    .action(async (opts: PowerBiCliOptions) => {
      const { buildPowerBiProject, PROJECT_NAME, readBuiltVisual, readCustomVisual, writeProjectFolder } = await import('../powerbi/index');
      const visual = opts.visual ? readCustomVisual(readFileSync(opts.visual), opts.visual) : readBuiltVisual();
      const project = buildPowerBiProject({
        feedUrl: opts.url,
        lang: opts.lang,
        process: opts.process,
        visual,
        caseLevel: opts.caseTables,
      });
      writeProjectFolder(project.files, opts.out);
      process.stdout.write(`wrote ${project.files.size} files to ${opts.out}; open ${PROJECT_NAME}.pbip in Power BI Desktop\n`);
      for (const note of project.notes) process.stdout.write(`note: ${note}\n`);
    });
}

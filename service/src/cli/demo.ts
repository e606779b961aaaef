import type { Command } from 'commander';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROCESS_NAMES } from '../processes/types';
import { parsePort, untilStopped } from './serve';

const SAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../samples');
const DEMO_CASES = 2_000;
/** The demo logs are synthetic; their governance says so. */
const DEMO_GOVERNANCE = {
  purpose: {
    purpose: 'Demonstration of Sagsflow on synthetic data',
    legalBasis: 'None needed: generated data, no real persons',
    controller: 'The operator of this demo',
  },
};

interface DemoOptions {
  db: string;
  port: string;
  host: string;
}

/**
 * Registers `sagsflow demo` (what `npm start` runs): generates samples of the three pilot
 * processes, loads them and the bundled public receipt log, creates a viewer and an admin
 * token and serves. Starting again reuses the database: the same files load as "unchanged".
 */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('load generated samples of the pilot processes and a public log, then serve them (npm start)')
    .option('--db <path>', 'SQLite database file', './sagsflow-demo.sqlite')
    .option('--port <n>', 'port to listen on', '8787')
    .option('--host <address>', 'interface to bind', '127.0.0.1')
    .action(async (opts: DemoOptions) => {
      const [
        { openForLoad },
        { generateLog },
        { ingestFiles },
        { catalogueForLoad },
        { attachedModel },
        { loadModel },
        { createToken },
        { startServer },
        { renderLoadReport },
      ] = await Promise.all([
        import('../db/new-database'),
        import('../generate/index'),
        import('../ingest/index'),
        import('../rules/attach'),
        import('../conformance/attached-model'),
        import('../conformance/load-model'),
        import('../tokens/index'),
        import('../server'),
        import('./load-report-text'),
      ]);
      const dataDir = join(dirname(resolve(opts.db)), 'sagsflow-demo-data');
      mkdirSync(dataDir, { recursive: true });
      // A first start builds the database under a temporary name; close() puts it in place.
      const store = openForLoad(opts.db);
      let viewer: string;
      let admin: string;
      try {
        for (const name of PROCESS_NAMES) {
          const file = join(dataDir, `${name}.csv`);
          const dirty = name === 'dagpenge';
          if (!existsSync(file)) await generateLog({ process: name, cases: DEMO_CASES, seed: 2026, dirty, deviations: true, out: file });
          const model = await attachedModel(undefined, name, undefined);
          const rules = await catalogueForLoad({ process: name });
          const report = await ingestFiles(store, {
            files: [file],
            log: name,
            process: name,
            ...(model ? { model } : {}),
            ...(rules ? { rules } : {}),
            governance: DEMO_GOVERNANCE,
          });
          process.stdout.write(renderLoadReport(report));
        }
        const receiptModel = await loadModel(join(SAMPLES, 'receipt.bpmn'));
        const receipt = await ingestFiles(store, {
          files: [join(SAMPLES, 'receipt.csv.gz')],
          log: 'receipt',
          process: 'receipt',
          model: receiptModel,
          governance: DEMO_GOVERNANCE,
        });
        process.stdout.write(renderLoadReport(receipt));
        viewer = createToken(store.db, { role: 'viewer', name: 'demo viewer' }).token;
        admin = createToken(store.db, { role: 'admin', name: 'demo admin' }).token;
      } finally {
        store.close();
      }
      const server = await startServer({ dbPath: opts.db, port: parsePort(opts.port), host: opts.host });
      process.stdout.write(
        [
          '',
          `Sagsflow is serving ${opts.db} on ${server.url}`,
          `  preview page  ${server.url}/preview?token=${viewer}   (viewer-grade; for the case table add &analystToken= and the admin token below)`,
          `  OData feed    ${server.url}/odata   (Power BI: Basic, any user name, the token as password)`,
          `  REST API      ${server.url}/api/logs   (OpenAPI: ${server.url}/api/openapi.json)`,
          `  viewer token  ${viewer}`,
          `  admin token   ${admin}`,
          'Ctrl-C stops.',
          '',
        ].join('\n'),
      );
      await untilStopped(server);
    });
}

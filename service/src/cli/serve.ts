import type { Command } from 'commander';
import { mustExist } from './token';
import type { RunningServer } from '../server';

interface ServeOptions {
  db: string;
  port: string;
  host: string;
  minGroupSize: string;
  trustedProxy?: string[];
}

/** Registers `sagsflow serve`: REST, the OData feed and the preview page over one database. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the REST API (/api), the OData feed for Power BI (/odata) and the preview page (/preview)')
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .option('--port <n>', 'port to listen on', '8787')
    .option('--host <address>', 'interface to bind', '127.0.0.1')
    .option('--min-group-size <k>', 'counts below k read "<k" in what people see', '5')
    .option('--trusted-proxy <address...>', 'reverse proxy addresses whose X-Forwarded-Proto/Host the OData links honour')
    .action(async (opts: ServeOptions) => {
      mustExist(opts.db, '; sagsflow ingest or sagsflow token create makes one');
      const { startServer } = await import('../server');
      const server = await startServer({
        dbPath: opts.db,
        port: parsePort(opts.port),
        host: opts.host,
        minGroupSize: parsePositive(opts.minGroupSize, '--min-group-size'),
        trustedProxies: opts.trustedProxy ?? [],
      });
      process.stdout.write(`sagsflow serving ${opts.db} on ${server.url} (Ctrl-C stops)\n${nextSteps(server.url, opts.db)}`);
      await untilStopped(server);
    });
}

/** What to do next, printed under the serving line: where things are and how to get a token. */
export function nextSteps(url: string, db: string): string {
  const quoted = /\s/.test(db) ? JSON.stringify(db) : db;
  return [
    'next steps:',
    `  what is here      ${url}/`,
    `  make a token      npx sagsflow token create --db ${quoted} --role viewer`,
    `  the preview       ${url}/preview?token=TOKEN`,
    `  Power BI          Get data > OData feed, ${url}/odata, Basic: any user name, the token as password`,
    `  the API document  ${url}/api/openapi.json`,
    '',
  ].join('\n');
}

/** Resolves when SIGINT or SIGTERM arrives, after closing the server cleanly. */
export function untilStopped(server: RunningServer): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port: expected a port number 0..65535, got "${value}"`);
  return n;
}

export function parsePositive(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${option}: expected a whole number >= 1, got "${value}"`);
  return n;
}

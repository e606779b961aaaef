import type { Command } from 'commander';
import type { VersionInfo } from '../versions/index';
import { mustExist } from './token';

interface VersionsCliOptions {
  db: string;
  log: string;
  json?: boolean;
}

/** A version number given to `--to`: a positive integer. */
function parseVersion(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1)
    throw new Error(`--to: expected a version number (1, 2, ...), got '${value}'`);
  return n;
}

/** The versions of a log as a table an analyst reads. */
export function renderVersions(log: string, versions: readonly VersionInfo[]): string {
  const n = (x: number) => x.toLocaleString('en');
  const lines = [`log "${log}": ${versions.length} version${versions.length === 1 ? '' : 's'}`];
  for (const v of versions) {
    const mark = v.current ? '* ' : '  ';
    const by = v.loadedBy ? `token ${v.loadedBy.name ? `${v.loadedBy.name} (${v.loadedBy.tokenId})` : v.loadedBy.tokenId}` : 'command line';
    lines.push(
      `${mark}version ${v.version}${v.current ? ' (current)' : ''}${v.kept ? '' : ' (pruned: cannot be made current)'}` +
        `${v.appendedTo !== null ? `, appended to version ${v.appendedTo}` : ''}`,
      `    loaded     ${v.loadedAt ?? '-'} by ${by}`,
      `    files      ${v.files.join(', ') || '-'}`,
      `    rows       ${n(v.rows.read)} read = ${n(v.rows.accepted)} accepted + ${n(v.rows.duplicates)} duplicates + ${n(v.rows.quarantined)} quarantined`,
      `    log        ${n(v.cases)} cases, ${n(v.events)} events`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Registers `sagsflow versions list|rollback`: the stored versions of a log, and making an
 * earlier kept version current again (audited).
 */
export function registerVersions(program: Command): void {
  const versions = program.command('versions').description('list the versions of a log, or make an earlier version current again');
  versions
    .command('list')
    .description('each version: when and by whom it was loaded, its files, rows, cases, events, and which is current')
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .requiredOption('--log <name>', 'the log')
    .option('--json', 'print JSON instead of text')
    .action(async (opts: VersionsCliOptions) => {
      mustExist(opts.db);
      const [{ openDatabase }, { listVersions }] = await Promise.all([import('../db/client'), import('../versions/index')]);
      const store = openDatabase(opts.db);
      try {
        const list = listVersions(store.sqlite, opts.log);
        process.stdout.write(
          opts.json ? `${JSON.stringify({ log: opts.log, versions: list }, null, 2)}\n` : renderVersions(opts.log, list),
        );
      } finally {
        store.close();
      }
    });
  versions
    .command('rollback')
    .description('make an earlier kept version current again: its events and model tables are served from now on')
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .requiredOption('--log <name>', 'the log')
    .requiredOption('--to <version>', 'the version to make current', parseVersion)
    .action(async (opts: { db: string; log: string; to: number }) => {
      mustExist(opts.db);
      const [{ openDatabase }, { rollbackVersion }, { recordAudit }] = await Promise.all([
        import('../db/client'),
        import('../versions/index'),
        import('../tokens/index'),
      ]);
      const store = openDatabase(opts.db);
      try {
        const result = rollbackVersion(store.sqlite, opts.log, opts.to);
        recordAudit(store.db, {
          tokenId: null,
          action: 'version-rollback',
          target: opts.log,
          detail: JSON.stringify({ from: result.from, to: result.to }),
        });
        process.stdout.write(
          `log "${opts.log}": version ${result.to} is current again (was ${result.from}): ${result.cases.toLocaleString('en')} cases, ${result.events.toLocaleString('en')} events\n`,
        );
      } finally {
        store.close();
      }
    });
}

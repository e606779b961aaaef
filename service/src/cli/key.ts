import type { Command } from 'commander';
import { mustExist } from './token';

/** The key check of the latest stored load of the database at `path`. */
async function loadsKeyCheck(path: string): Promise<string | null> {
  mustExist(path);
  const [{ openDatabase }, { storedKeyCheck }] = await Promise.all([import('../db/client'), import('../ingest/load-rows')]);
  const store = openDatabase(path);
  try {
    return storedKeyCheck(store.sqlite);
  } finally {
    store.close();
  }
}

/** Registers `sagsflow key backup|restore|status`: care of the pseudonymisation key. */
export function registerKey(program: Command): void {
  const key = program.command('key').description('back up, restore and check the pseudonymisation key of a database');

  key
    .command('status')
    .description('show where the key lives and whether it matches the key check recorded by the loads')
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .action(async (opts: { db: string }) => {
      const { keyStatus, SECRET_ENV } = await import('../privacy/index');
      const s = keyStatus(opts.db, await loadsKeyCheck(opts.db));
      const where =
        s.source === 'env'
          ? `${SECRET_ENV} (environment); key file ${s.keyFile} ${s.fileMode ? 'exists but is not used' : 'absent'}`
          : s.source === 'file'
            ? `key file ${s.keyFile} (mode ${s.fileMode})`
            : `none yet (the first load creates ${s.keyFile})`;
      const match =
        s.matchesLoads === null
          ? s.source === 'none'
            ? 'no key'
            : 'no stored load to compare with'
          : s.matchesLoads
            ? 'matches the key check of the loads'
            : 'DOES NOT match the key check of the loads: new loads and erasure will fail until the right key is restored';
      process.stdout.write(`key: ${where}\ncheck: ${match}\n`);
      if (s.matchesLoads === false) process.exitCode = 1;
    });

  key
    .command('backup')
    .description('copy the key in use to a file (mode 0600); keep it apart from the database')
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .requiredOption('--out <file>', 'backup file to write (must not exist)')
    .action(async (opts: { db: string; out: string }) => {
      mustExist(opts.db);
      const { backupKey, SECRET_ENV } = await import('../privacy/index');
      const source = backupKey(opts.db, opts.out);
      process.stdout.write(`key from ${source === 'env' ? SECRET_ENV : 'the key file'} written to ${opts.out} (mode 0600)\n`);
    });

  key
    .command('restore')
    .description('restore the key file beside the database from a backup, after checking it against the loads')
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .requiredOption('--from <file>', 'backup file written by key backup')
    .option('--force', 'replace an existing, different key file')
    .action(async (opts: { db: string; from: string; force?: boolean }) => {
      const { restoreKey } = await import('../privacy/index');
      const outcome = restoreKey(opts.db, opts.from, await loadsKeyCheck(opts.db), { force: opts.force === true });
      const said = { written: 'key file restored', replaced: 'key file replaced', unchanged: 'key file already holds this key' }[outcome];
      process.stdout.write(`${said}: ${opts.db}.key\n`);
    });
}

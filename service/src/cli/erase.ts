import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ErasureTarget } from '../governance/erase';
import { mustExist } from './token';

interface EraseCliOptions {
  db: string;
  cpr?: string;
  case?: string;
  value?: string;
  uploads?: string;
}

/** Registers `sagsflow erase`: removes a citizen's or a case's data from the store (right to erasure). */
export function registerErase(program: Command): void {
  program
    .command('erase')
    .description("erase a person's or a case's data from every table, rebuild the model tables and vacuum the database")
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .option('--cpr <NNNNNN-NNNN>', "a citizen's CPR number")
    .option('--case <id>', 'a case id as in the source extract')
    .option('--value <text>', 'any other pseudonymised value (e.g. a caseworker id): every case that holds it is erased')
    .option('--uploads <dir>', 'upload area to purge of files holding the value (default: uploads/ beside the database)')
    .action(async (opts: EraseCliOptions) => {
      const given = (['cpr', 'case', 'value'] as const).filter((k) => opts[k] !== undefined);
      if (given.length !== 1) throw new Error('erase: give exactly one of --cpr, --case, --value');
      const kind = given[0]!;
      const target: ErasureTarget = { kind, value: opts[kind]! };
      mustExist(opts.db);
      const [{ openDatabase }, { eraseSubject }] = await Promise.all([import('../db/client'), import('../governance/erase')]);
      const store = openDatabase(opts.db);
      try {
        const uploadDir = opts.uploads ?? join(dirname(resolve(opts.db)), 'uploads');
        const r = eraseSubject(store, target, { uploadDir });
        const rows =
          Object.entries(r.rows)
            .filter(([, n]) => n > 0)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ') || 'none';
        process.stdout.write(
          `erased ${r.cases} case${r.cases === 1 ? '' : 's'} (rows: ${rows}); upload files removed: ${r.uploadFiles}; ` +
            `model rebuilt for ${r.logs.length ? r.logs.join(', ') : 'no log'}; database vacuumed\n`,
        );
      } finally {
        store.close();
      }
    });
}

import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { Option, InvalidArgumentError } from 'commander';
import type { openDatabase } from '../db/client';
import type { TokenInfo } from '../tokens/index';
import { ROLES } from '../tokens/roles';

/** Registers `sagsflow token create|list|revoke`: the access tokens of the HTTP service. */
export function registerToken(program: Command): void {
  const token = program.command('token').description('manage access tokens of the HTTP service (only their hashes are stored)');

  token
    .command('create')
    .description('create a token and print it once')
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .addOption(new Option('--role <role>', 'what the token may do').choices([...ROLES]).makeOptionMandatory())
    .option('--jobcenter <name>', 'limit the token to a jobcenter (repeatable)', collect, [] as string[])
    .option('--expires <days>', 'days until the token expires', parseDays)
    .option('--name <label>', 'a label shown by token list')
    .action(async (opts: { db: string; role: (typeof ROLES)[number]; jobcenter: string[]; expires?: number; name?: string }) => {
      const [{ createToken }, { knownJobcenters }] = await Promise.all([import('../tokens/index'), import('../db/token-queries')]);
      await withStore(opts.db, (db, sqlite) => {
        if (opts.jobcenter.length > 0) warnUnknownJobcenters(knownJobcenters(sqlite), opts.jobcenter);
        const created = createToken(db, {
          role: opts.role,
          jobcenters: opts.jobcenter,
          ...(opts.expires !== undefined ? { expiresDays: opts.expires } : {}),
          ...(opts.name ? { name: opts.name } : {}),
        });
        process.stdout.write(`${created.token}\n`);
        process.stderr.write(`token ${created.id} (${describe(created)}) created; it is shown only this once\n`);
      });
    });

  token
    .command('list')
    .description('list tokens with their last use (never the tokens themselves)')
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .option('--unused-days <n>', 'flag active tokens not used for this many days', parseDays)
    .action(async (opts: { db: string; unusedDays?: number }) => {
      mustExist(opts.db);
      const { isUnused, listTokens } = await import('../tokens/index');
      await withStore(opts.db, (db) => {
        const rows = listTokens(db);
        const now = new Date();
        if (rows.length === 0) process.stdout.write('no tokens\n');
        for (const t of rows) {
          const flag = opts.unusedDays !== undefined && isUnused(t, opts.unusedDays, now) ? `  UNUSED ${opts.unusedDays}+ days` : '';
          process.stdout.write(`${t.id}  ${describe(t)}, ${lastUse(t)}${flag}\n`);
        }
      });
    });

  token
    .command('revoke')
    .description('revoke a token by its id, or every active token unused for --unused-days days')
    .argument('[id]', 'token id as shown by token list')
    .option('--db <path>', 'SQLite database file', './sagsflow.sqlite')
    .option('--unused-days <n>', 'revoke every active token not used for this many days', parseDays)
    .action(async (id: string | undefined, opts: { db: string; unusedDays?: number }) => {
      if ((id === undefined) === (opts.unusedDays === undefined))
        throw new Error('token revoke: give either a token id or --unused-days N');
      mustExist(opts.db);
      const { isUnused, listTokens, recordAudit, revokeToken } = await import('../tokens/index');
      await withStore(opts.db, (db) => {
        if (id !== undefined) {
          if (!revokeToken(db, id)) throw new Error(`token revoke: no active token with id "${id}" (see sagsflow token list)`);
          recordAudit(db, { tokenId: null, action: 'token-revoke', target: id });
          process.stdout.write(`revoked ${id}\n`);
          return;
        }
        const now = new Date();
        const unused = listTokens(db).filter((t) => isUnused(t, opts.unusedDays!, now));
        for (const t of unused) {
          revokeToken(db, t.id, now);
          recordAudit(db, { tokenId: null, action: 'token-revoke', target: t.id, detail: `unused ${opts.unusedDays}+ days` });
          process.stdout.write(`revoked ${t.id}  ${describe(t)}, ${lastUse(t)}\n`);
        }
        process.stdout.write(`${unused.length} token${unused.length === 1 ? '' : 's'} unused for ${opts.unusedDays}+ days revoked\n`);
      });
    });
}

/** `last used YYYY-MM-DD HH:MM` or `never used`. */
function lastUse(t: TokenInfo): string {
  return t.lastUsedAt ? `last used ${t.lastUsedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'never used';
}

async function withStore(path: string, fn: (db: Store['db'], sqlite: Store['sqlite']) => void): Promise<void> {
  const { openDatabase } = await import('../db/client');
  const store = openDatabase(path);
  try {
    fn(store.db, store.sqlite);
  } finally {
    store.close();
  }
}

type Store = ReturnType<typeof openDatabase>;

/** A typo in --db must not create an empty database that then lists no tokens. */
export function mustExist(path: string, hint = ''): void {
  if (path !== ':memory:' && !existsSync(path)) throw new Error(`database ${path} does not exist (check --db${hint})`);
}

/** A jobcenter name that no loaded log has would give its token an empty report: say so. */
function warnUnknownJobcenters(known: readonly string[], wanted: readonly string[]): void {
  if (known.length === 0) return;
  for (const name of wanted) {
    if (!known.includes(name)) {
      process.stderr.write(
        `warning: no loaded log has jobcenter "${name}" (loaded: ${known.join(', ')}); the token will see no rows until one does\n`,
      );
    }
  }
}

function describe(t: TokenInfo): string {
  const parts = [
    t.role,
    t.name !== t.role ? `"${t.name}"` : '',
    t.jobcenters ? `jobcenters: ${t.jobcenters.join(', ')}` : 'all jobcenters',
  ];
  if (t.expiresAt) parts.push(`expires ${t.expiresAt.toISOString().slice(0, 10)}`);
  if (t.revokedAt) parts.push(`revoked ${t.revokedAt.toISOString().slice(0, 10)}`);
  return parts.filter(Boolean).join(', ');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseDays(value: string): number {
  const n = Number(value);
  if (!(n > 0)) throw new InvalidArgumentError(`expected a positive number of days, got "${value}"`);
  return n;
}

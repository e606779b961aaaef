import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { keyFilePath, SECRET_ENV } from './key';
import { createPseudonymizer } from './pseudonymize';

/** The fixed text whose pseudonym each load records in `loads.key_check` (same as the ingest's). */
export const KEY_CHECK_TEXT = 'sagsflow key check';

/** Shortest key file `resolveSecret` accepts. */
const MIN_KEY_LENGTH = 32;

/** Where the pseudonymisation key of a database lives and whether it fits the loads. */
export interface KeyStatus {
  /** `env` when SAGSFLOW_SECRET is set, `file` when the key file exists, `none` before the first load. */
  source: 'env' | 'file' | 'none';
  /** The key file beside the database (`<db>.key`), whether or not it is used. */
  keyFile: string;
  /** Octal mode of the key file (e.g. `600`), null when it does not exist. */
  fileMode: string | null;
  /** True when the key gives the key check of the latest stored load; null when there is no key or no load. */
  matchesLoads: boolean | null;
}

/** The key check (pseudonym of the fixed text) a key gives. */
export function keyCheckOf(key: Buffer): string {
  return createPseudonymizer(key).pseudonym(KEY_CHECK_TEXT);
}

/** The key in use for `dbPath` without creating one: SAGSFLOW_SECRET, else the key file, else null. */
export function currentKey(dbPath: string, env: NodeJS.ProcessEnv = process.env): { source: 'env' | 'file'; key: Buffer } | null {
  const fromEnv = env[SECRET_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return { source: 'env', key: Buffer.from(fromEnv, 'utf8') };
  const path = keyFilePath(dbPath);
  if (!existsSync(path)) return null;
  return { source: 'file', key: Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8') };
}

/**
 * Where the key of `dbPath` lives and whether it matches `storedCheck`, the key check recorded
 * by the latest stored load (null when nothing was loaded yet).
 */
export function keyStatus(dbPath: string, storedCheck: string | null, env: NodeJS.ProcessEnv = process.env): KeyStatus {
  const keyFile = keyFilePath(dbPath);
  const fileMode = existsSync(keyFile) ? (statSync(keyFile).mode & 0o777).toString(8) : null;
  const key = currentKey(dbPath, env);
  const matchesLoads = key === null || storedCheck === null ? null : keyCheckOf(key.key) === storedCheck;
  return { source: key?.source ?? 'none', keyFile, fileMode, matchesLoads };
}

/**
 * Writes the key in use for `dbPath` to `out` (mode 0600); refuses to overwrite an existing
 * file and fails when the database has no key yet. Returns where the key came from.
 */
export function backupKey(dbPath: string, out: string, env: NodeJS.ProcessEnv = process.env): 'env' | 'file' {
  const key = currentKey(dbPath, env);
  if (key === null)
    throw new Error(`key backup: no key for ${dbPath} (neither ${SECRET_ENV} nor ${keyFilePath(dbPath)}); nothing to back up`);
  try {
    writeFileSync(out, key.key.toString('utf8') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`key backup: ${out} already exists; choose another --out`);
    throw err;
  }
  chmodSync(out, 0o600);
  return key.source;
}

/** What `restoreKey` did. */
export type RestoreOutcome = 'written' | 'replaced' | 'unchanged';

/**
 * Restores the key file of `dbPath` from the backup `from`. The key must give `storedCheck`
 * (the latest stored load's key check) when there is one; an existing different key file is
 * replaced only with `force`.
 */
export function restoreKey(dbPath: string, from: string, storedCheck: string | null, options: { force?: boolean } = {}): RestoreOutcome {
  const text = readFileSync(from, 'utf8').trim();
  if (text.length < MIN_KEY_LENGTH) {
    throw new Error(
      `key restore: ${from} holds ${text.length} characters, expected a key of at least ${MIN_KEY_LENGTH} (64 hex characters from key backup)`,
    );
  }
  const key = Buffer.from(text, 'utf8');
  if (storedCheck !== null && keyCheckOf(key) !== storedCheck) {
    throw new Error(
      `key restore: the key in ${from} does not match the key check recorded by the loads of ${dbPath}; it is not this database's key`,
    );
  }
  const path = keyFilePath(dbPath);
  let outcome: RestoreOutcome = 'written';
  if (existsSync(path)) {
    const existing = readFileSync(path, 'utf8').trim();
    if (existing === text) return 'unchanged';
    if (!options.force) throw new Error(`key restore: ${path} already holds a different key; pass --force to replace it`);
    outcome = 'replaced';
  }
  writeFileSync(path, text + '\n', { mode: 0o600 });
  chmodSync(path, 0o600);
  return outcome;
}

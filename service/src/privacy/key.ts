import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';

/** Environment variable that holds the pseudonymisation secret (any non-empty string). */
export const SECRET_ENV = 'SAGSFLOW_SECRET';

let memoryKey: Buffer | undefined;

/** Path of the key file kept beside a database file: `<db>.key`. */
export function keyFilePath(dbPath: string): string {
  return `${dbPath}.key`;
}

/**
 * The HMAC key for pseudonyms: `SAGSFLOW_SECRET` when set; else the key file beside the
 * database (`<db>.key`, 32 random bytes hex, mode 0600, created on first use); for an
 * in-memory database a random key for the life of the process. The key is never written
 * into the database, so the database alone cannot be re-identified.
 */
export function resolveSecret(dbPath: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env[SECRET_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return Buffer.from(fromEnv, 'utf8');
  if (dbPath === ':memory:' || dbPath === '') {
    memoryKey ??= randomBytes(32);
    return memoryKey;
  }
  const path = keyFilePath(dbPath);
  try {
    writeFileSync(path, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const text = readFileSync(path, 'utf8').trim();
  if (text.length < 32) {
    throw new Error(
      `resolveSecret: key file ${path} is too short (${text.length} characters), expected 64 hex characters; remove it only if the database is new`,
    );
  }
  return Buffer.from(text, 'utf8');
}

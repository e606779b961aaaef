import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GOVERNANCE_FLAGS, sagsflow } from '../testing/run-cli';

const DATA = resolve(import.meta.dirname, '../../../tests/data');

let dir = '';
let secret: string | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sagsflow-keycare-'));
  secret = process.env['SAGSFLOW_SECRET'];
  delete process.env['SAGSFLOW_SECRET'];
});
afterEach(() => {
  if (secret !== undefined) process.env['SAGSFLOW_SECRET'] = secret;
  rmSync(dir, { recursive: true, force: true });
});

describe('sagsflow key', () => {
  it('key backup, loss and restore: status follows, a wrong key is refused, --force replaces', async () => {
    const db = join(dir, 'store.sqlite');
    expect((await sagsflow('ingest', join(DATA, 'running-example.csv'), '--db', db, '--log', 'demo', ...GOVERNANCE_FLAGS)).code).toBe(0);
    const status = await sagsflow('key', 'status', '--db', db);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`key file ${db}.key (mode 600)`);
    expect(status.stdout).toContain('matches the key check of the loads');

    const backup = join(dir, 'key.backup');
    expect((await sagsflow('key', 'backup', '--db', db, '--out', backup)).code).toBe(0);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(readFileSync(backup, 'utf8')).toBe(readFileSync(`${db}.key`, 'utf8'));
    const again = await sagsflow('key', 'backup', '--db', db, '--out', backup);
    expect([again.code, again.stderr]).toEqual([1, `sagsflow: key backup: ${backup} already exists; choose another --out\n`]);

    const original = readFileSync(`${db}.key`, 'utf8');
    writeFileSync(`${db}.key`, 'b'.repeat(64) + '\n', { mode: 0o600 });
    const wrong = await sagsflow('key', 'status', '--db', db);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('DOES NOT match');

    const refused = await sagsflow('key', 'restore', '--db', db, '--from', backup);
    expect(refused.stderr).toBe(`sagsflow: key restore: ${db}.key already holds a different key; pass --force to replace it\n`);
    const forced = await sagsflow('key', 'restore', '--db', db, '--from', backup, '--force');
    expect([forced.code, forced.stdout]).toEqual([0, `key file replaced: ${db}.key\n`]);
    expect(readFileSync(`${db}.key`, 'utf8')).toBe(original);
    expect(statSync(`${db}.key`).mode & 0o777).toBe(0o600);
    expect((await sagsflow('key', 'status', '--db', db)).stdout).toContain('matches the key check');

    rmSync(`${db}.key`);
    expect((await sagsflow('key', 'restore', '--db', db, '--from', backup)).stdout).toBe(`key file restored: ${db}.key\n`);
    expect((await sagsflow('key', 'restore', '--db', db, '--from', backup)).stdout).toBe(`key file already holds this key: ${db}.key\n`);
  });

  it('key restore refuses a key that does not give the loads key check, and a too short file', async () => {
    const db = join(dir, 'store.sqlite');
    await sagsflow('ingest', join(DATA, 'running-example.csv'), '--db', db, '--log', 'demo', ...GOVERNANCE_FLAGS);
    const other = join(dir, 'other.key');
    writeFileSync(other, 'c'.repeat(64));
    const r = await sagsflow('key', 'restore', '--db', db, '--from', other, '--force');
    expect(r.stderr).toBe(
      `sagsflow: key restore: the key in ${other} does not match the key check recorded by the loads of ${db}; it is not this database's key\n`,
    );
    writeFileSync(other, 'short');
    expect((await sagsflow('key', 'restore', '--db', db, '--from', other)).stderr).toContain('holds 5 characters');
  });

  it('key status names SAGSFLOW_SECRET when set, and none before the first load', async () => {
    const db = join(dir, 'fresh.sqlite');
    writeFileSync(db, '');
    expect((await sagsflow('key', 'status', '--db', db)).stdout).toBe(`key: none yet (the first load creates ${db}.key)\ncheck: no key\n`);
    process.env['SAGSFLOW_SECRET'] = 'x'.repeat(40);
    expect((await sagsflow('key', 'status', '--db', db)).stdout).toContain('SAGSFLOW_SECRET (environment)');
    const out = join(dir, 'env.backup');
    await sagsflow('key', 'backup', '--db', db, '--out', out);
    expect(readFileSync(out, 'utf8')).toBe('x'.repeat(40) + '\n');
  });
});

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPseudonymizer, keyFilePath, maskCpr, containsCpr, resolveSecret } from './index';

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-key-'));
  dirs.push(dir);
  return join(dir, 'store.sqlite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('resolveSecret', () => {
  it('resolveSecret(db) creates <db>.key with mode 0600 and returns the same key next time', () => {
    const db = tempDb();
    const a = resolveSecret(db, {});
    expect(statSync(keyFilePath(db)).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFilePath(db), 'utf8').trim()).toHaveLength(64);
    expect(resolveSecret(db, {}).equals(a)).toBe(true);
  });

  it('resolveSecret(db) tightens a key file readable by others back to 0600', () => {
    const db = tempDb();
    writeFileSync(keyFilePath(db), 'a'.repeat(64));
    chmodSync(keyFilePath(db), 0o644);
    expect(resolveSecret(db, {}).toString()).toBe('a'.repeat(64));
    expect(statSync(keyFilePath(db)).mode & 0o777).toBe(0o600);
  });

  it('resolveSecret prefers SAGSFLOW_SECRET and then writes no key file', () => {
    const db = tempDb();
    expect(resolveSecret(db, { SAGSFLOW_SECRET: 'hemmelig' }).toString()).toBe('hemmelig');
    expect(() => statSync(keyFilePath(db))).toThrow();
  });
});

describe('createPseudonymizer', () => {
  it('pseudonym(v) is p_ + 16 hex, stable for a key, different for another key', () => {
    const a = createPseudonymizer(Buffer.from('k1'));
    const b = createPseudonymizer(Buffer.from('k1'));
    const c = createPseudonymizer(Buffer.from('k2'));
    const p = a.pseudonym('010203-1234');
    expect(p).toMatch(/^p_[0-9a-f]{16}$/);
    expect(b.pseudonym('010203-1234')).toBe(p);
    expect(c.pseudonym('010203-1234')).not.toBe(p);
    expect(a.pseudonym('010203-1235')).not.toBe(p);
    expect(a.pseudonym('')).toBe('');
  });
});

describe('maskCpr', () => {
  it('maskCpr masks CPR-like values with or without hyphen and leaves other numbers', () => {
    expect(maskCpr('borger 010203-1234 ringede')).toBe('borger ******-**** ringede');
    expect(maskCpr('3112991234;x')).toBe('******-****;x');
    expect(maskCpr('sag 12345 på 2024-01-02')).toBe('sag 12345 på 2024-01-02');
    expect(maskCpr('991399-1234')).toBe('991399-1234');
    expect(containsCpr('x 150585-4321')).toBe(true);
    expect(containsCpr('x 150585-4321')).toBe(true);
    expect(containsCpr('nothing here')).toBe(false);
  });
});

describe('createHmacHex', () => {
  it('equals createHmac sha256 for short, 64-byte and long keys and for ASCII, Danish and long values', async () => {
    const { createHmac } = await import('node:crypto');
    const { createHmacHex } = await import('./pseudonymize');
    const keys = [Buffer.from('k1'), Buffer.alloc(64, 7), Buffer.from('x'.repeat(200))];
    const values = ['', 'DAG-2024-000220', 'Søren Ærø Åby', '010203-1234', 'é'.repeat(1500), 'z'.repeat(5000)];
    for (const key of keys) {
      const h = createHmacHex(key);
      for (const v of values) expect(h(v)).toBe(createHmac('sha256', key).update(v, 'utf8').digest('hex'));
    }
  });

  it('pseudonym(v) stays p_ + the first 16 hex of the HMAC across cache generations', async () => {
    const { createHmac } = await import('node:crypto');
    const key = Buffer.from('k3');
    const p = createPseudonymizer(key);
    const expected = (v: string) => `p_${createHmac('sha256', key).update(v, 'utf8').digest('hex').slice(0, 16)}`;
    for (let i = 0; i < 140_000; i += 1) p.pseudonym(`C${i}`);
    for (const v of ['C0', 'C70000', 'C139999', 'new']) expect(p.pseudonym(v)).toBe(expected(v));
  });

  it('createPseudonymText(key)(v) is pseudonym(v), empty for the empty value', async () => {
    const { createPseudonymText } = await import('./pseudonymize');
    for (const key of [Buffer.from('k4'), Buffer.alloc(100, 3)]) {
      const p = createPseudonymizer(key);
      const text = createPseudonymText(key);
      for (const v of ['', 'DAG-2024-000220', 'Søren Ærø Åby', '010203-1234', 'é'.repeat(700), '\u0000x', 'a\ud800b', '😀']) {
        expect(text(v)).toBe(p.pseudonym(v));
      }
    }
  });

  it('createHmacHex equals createHmac on 5,000 values of every UTF-8 length from 0 to 400 bytes, in any order', async () => {
    const { createHmac } = await import('node:crypto');
    const { createHmacHex } = await import('./pseudonymize');
    const key = Buffer.from('bench-secret-0123456789abcdef');
    const h = createHmacHex(key);
    const values: string[] = [];
    for (let i = 0; i < 5000; i++) values.push('æ'.repeat(i % 200) + 'x'.repeat((i * 7) % 3) + String(i));
    for (const v of values) expect(h(v)).toBe(createHmac('sha256', key).update(v, 'utf8').digest('hex'));
  });
});

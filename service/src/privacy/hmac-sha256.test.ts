import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHmacSha256 } from './hmac-sha256';

describe('createHmacSha256', () => {
  it('writes the digest of createHmac sha256 for keys of every size and values across block ends, ASCII or not', () => {
    const keys = [Buffer.alloc(0), Buffer.from('k1'), Buffer.alloc(64, 7), Buffer.from('x'.repeat(65)), Buffer.from('ø'.repeat(100))];
    const values = ['', 'DAG-2024-000220', 'Søren Ærø Åby', '010203-1234', '\u0000', '\ud83d\ude00 emoji', 'lone \ud800 surrogate'];
    for (const n of [54, 55, 56, 63, 64, 65, 118, 119, 120, 128, 1000]) values.push('a'.repeat(n), 'é'.repeat(n >> 1) + 'b'.repeat(n & 1));
    const out = new Uint8Array(40);
    for (const key of keys) {
      const hmac = createHmacSha256(key);
      for (const v of values) {
        const expected = createHmac('sha256', key).update(v, 'utf8').digest();
        hmac(v, out, 3, 32);
        expect(Buffer.from(out.subarray(3, 35)).toString('hex')).toBe(expected.toString('hex'));
        out.fill(0);
        hmac(v, out, 0, 8);
        expect(Buffer.from(out.subarray(0, 9)).toString('hex')).toBe(expected.subarray(0, 8).toString('hex') + '00');
      }
    }
  });

  it('gives the same digests for 20,000 varied values as createHmac, in any order of calls', () => {
    const key = Buffer.from('bench-secret-0123456789abcdef');
    const hmac = createHmacSha256(key);
    const out = new Uint8Array(32);
    for (let i = 0; i < 20_000; i++) {
      const v = `${String.fromCharCode(32 + (i % 400))}${i.toString(36).repeat(1 + (i % 9))}`;
      hmac(v, out, 0, 32);
      expect(Buffer.from(out).equals(createHmac('sha256', key).update(v, 'utf8').digest())).toBe(true);
    }
  });
});

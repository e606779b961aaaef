import { createHash, createHmac, hash } from 'node:crypto';

/** Every pseudonym starts with this, so a stored value is recognisably not a clear value. */
export const PSEUDONYM_PREFIX = 'p_';

/** Hex characters of the HMAC kept in a pseudonym (64 bits). */
export const PSEUDONYM_HEX_LENGTH = 16;

/** Maps clear values to keyed pseudonyms; the same key gives the same pseudonym in every load. */
export interface Pseudonymizer {
  /** `p_` + the first 16 hex characters of HMAC-SHA256(key, value); empty stays empty. */
  pseudonym(value: string): string;
}

/** Values per cache generation: the last 64k-128k distinct values stay cached, memory stays bounded. */
const GENERATION = 65_536;
const BLOCK = 64;

/**
 * HMAC-SHA256 (RFC 2104) digests under `key` with the padded keys prepared once and two
 * one-shot `crypto.hash` calls per value: the same digest as `createHmac`, ~20% less CPU.
 * Falls back to `createHmac` where `crypto.hash` is missing (Node < 20.12).
 */
function createHmac256<T extends 'hex' | 'buffer'>(key: Buffer, output: T): (value: string) => T extends 'hex' ? string : Buffer {
  type Out = T extends 'hex' ? string : Buffer;
  if (typeof hash !== 'function') {
    return (value) => {
      const h = createHmac('sha256', key).update(value, 'utf8');
      return (output === 'hex' ? h.digest('hex') : h.digest()) as Out;
    };
  }
  const k = key.length > BLOCK ? createHash('sha256').update(key).digest() : key;
  const ipad = Buffer.alloc(BLOCK, 0x36);
  const outer = Buffer.alloc(BLOCK + 32, 0x5c);
  for (let i = 0; i < k.length; i++) {
    ipad[i] = ipad[i]! ^ k[i]!;
    outer[i] = outer[i]! ^ k[i]!;
  }
  let inner = Buffer.alloc(BLOCK + 1024);
  ipad.copy(inner);
  return (value) => {
    const room = value.length * 3;
    if (room > inner.length - BLOCK) {
      inner = Buffer.alloc(BLOCK + room);
      ipad.copy(inner);
    }
    const n = inner.write(value, BLOCK, 'utf8');
    const innerDigest = hash('sha256', inner.subarray(0, BLOCK + n), 'buffer') as unknown as Buffer;
    innerDigest.copy(outer, BLOCK);
    return hash('sha256', outer, output) as unknown as Out;
  };
}

/** HMAC-SHA256 hex digests under `key` (see `createHmac256`). */
export function createHmacHex(key: Buffer): (value: string) => string {
  return createHmac256(key, 'hex');
}

const HEX = Buffer.from('0123456789abcdef');

/**
 * The pseudonyms of `createPseudonymizer(key)` as their bytes (ASCII: `p_` + 16 hex characters;
 * empty stays empty), uncached: for a caller that pseudonymises each value once and stores the
 * bytes (e.g. binds them to SQLite) and reads the text with `toString('latin1')`.
 */
export function createPseudonymBytes(key: Buffer): (value: string) => Buffer {
  const digest = createHmac256(key, 'buffer');
  const length = PSEUDONYM_PREFIX.length + PSEUDONYM_HEX_LENGTH;
  return (value) => {
    if (value === '') return Buffer.alloc(0);
    const d = digest(value);
    const out = Buffer.allocUnsafe(length);
    out.write(PSEUDONYM_PREFIX, 0, 'latin1');
    for (let i = 0, o = PSEUDONYM_PREFIX.length; o < length; i++, o += 2) {
      out[o] = HEX[d[i]! >> 4]!;
      out[o + 1] = HEX[d[i]! & 15]!;
    }
    return out;
  };
}

/**
 * A pseudonymizer keyed with `key` (see `resolveSecret`), caching recent values (two
 * generations of 64k) because case ids and caseworkers repeat.
 *
 * @example
 * const p = createPseudonymizer(resolveSecret(dbPath));
 * p.pseudonym('010203-1234'); // 'p_3f9c0a…'
 */
export function createPseudonymizer(key: Buffer): Pseudonymizer {
  const hmac = createHmacHex(key);
  let young = new Map<string, string>();
  let old = new Map<string, string>();
  return {
    pseudonym(value) {
      if (value === '') return value;
      let p = young.get(value);
      if (p !== undefined) return p;
      p = old.get(value) ?? PSEUDONYM_PREFIX + hmac(value).slice(0, PSEUDONYM_HEX_LENGTH);
      if (young.size >= GENERATION) {
        old = young;
        young = new Map();
      }
      young.set(value, p);
      return p;
    },
  };
}

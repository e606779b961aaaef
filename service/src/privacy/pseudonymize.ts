import { createHmac } from 'node:crypto';

/** Every pseudonym starts with this, so a stored value is recognisably not a clear value. */
export const PSEUDONYM_PREFIX = 'p_';

/** Hex characters of the HMAC kept in a pseudonym (64 bits). */
export const PSEUDONYM_HEX_LENGTH = 16;

/** Maps clear values to keyed pseudonyms; the same key gives the same pseudonym in every load. */
export interface Pseudonymizer {
  /** `p_` + the first 16 hex characters of HMAC-SHA256(key, value); empty stays empty. */
  pseudonym(value: string): string;
}

const CACHE_LIMIT = 500_000;

/**
 * A pseudonymizer keyed with `key` (see `resolveSecret`), caching recent values because case
 * ids repeat once per event.
 *
 * @example
 * const p = createPseudonymizer(resolveSecret(dbPath));
 * p.pseudonym('010203-1234'); // 'p_3f9c0a…'
 */
export function createPseudonymizer(key: Buffer): Pseudonymizer {
  const cache = new Map<string, string>();
  return {
    pseudonym(value) {
      if (value === '') return value;
      let p = cache.get(value);
      if (p === undefined) {
        p = PSEUDONYM_PREFIX + createHmac('sha256', key).update(value, 'utf8').digest('hex').slice(0, PSEUDONYM_HEX_LENGTH);
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(value, p);
      }
      return p;
    },
  };
}

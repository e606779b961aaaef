import { Fnv1a64, utf8 } from './fnv1a64';

/** Separator between activity names in a variant key's input (unit separator). */
export const VARIANT_KEY_SEPARATOR = '\u001f';
const SEPARATOR_BYTES = utf8(VARIANT_KEY_SEPARATOR);

/**
 * Stable 16-hex-character key of an activity sequence: FNV-1a 64 over the UTF-8
 * bytes of the names joined by U+001F. The same on every run and machine; it is
 * part of the data contract (the `variant_key` column).
 *
 * @example variantKey(['Tilmelding', 'Afmeldt']) // 16 hex digits
 */
export function variantKey(activities: readonly string[]): string {
  const hash = new Fnv1a64();
  for (let n = 0; n < activities.length; n++) {
    if (n > 0) hash.update(SEPARATOR_BYTES);
    hash.update(utf8(activities[n]!));
  }
  return hash.hex();
}

/**
 * `variantKey` of a sequence of activity ids whose names are already UTF-8 encoded
 * (`encoded[id]`); lets `discoverVariants` encode each name once.
 */
export function variantKeyOfIds(ids: ArrayLike<number>, encoded: readonly Uint8Array[]): string {
  const hash = new Fnv1a64();
  for (let n = 0; n < ids.length; n++) {
    if (n > 0) hash.update(SEPARATOR_BYTES);
    hash.update(encoded[ids[n]!]!);
  }
  return hash.hex();
}

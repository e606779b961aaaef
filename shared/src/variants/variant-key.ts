/** Separator between activity names in a variant key's input (unit separator). */
export const VARIANT_KEY_SEPARATOR = '\u001f';

/**
 * Stable 16-hex-character key of an activity sequence: FNV-1a 64 over the UTF-8
 * bytes of the names joined by U+001F. The same on every run and machine; it is
 * part of the data contract (the `variant_key` column).
 *
 * 64-bit arithmetic uses four 16-bit limbs; the FNV prime 2^40 + 0x1b3 has limbs
 * p0 = 0x1b3 and p2 = 0x100, so h * p = h * p0 + (h * p2) << 32.
 *
 * @example variantKey(['Tilmelding', 'Afmeldt']) // 16 hex digits
 */
export function variantKey(activities: readonly string[]): string {
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const byte = (b: number) => {
    h0 ^= b;
    const r0 = h0 * 0x1b3;
    const r1 = h1 * 0x1b3 + (r0 >>> 16);
    const r2 = h2 * 0x1b3 + h0 * 0x100 + (r1 >>> 16);
    const r3 = h3 * 0x1b3 + h1 * 0x100 + (r2 >>> 16);
    h0 = r0 & 0xffff;
    h1 = r1 & 0xffff;
    h2 = r2 & 0xffff;
    h3 = r3 & 0xffff;
  };
  for (let n = 0; n < activities.length; n++) {
    if (n > 0) byte(0x1f);
    const s = activities[n]!;
    for (let i = 0; i < s.length; i++) {
      let cp = s.charCodeAt(i);
      if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < s.length) {
        const lo = s.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo < 0xe000) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          i++;
        }
      }
      if (cp < 0x80) byte(cp);
      else if (cp < 0x800) {
        byte(0xc0 | (cp >> 6));
        byte(0x80 | (cp & 63));
      } else if (cp < 0x10000) {
        byte(0xe0 | (cp >> 12));
        byte(0x80 | ((cp >> 6) & 63));
        byte(0x80 | (cp & 63));
      } else {
        byte(0xf0 | (cp >> 18));
        byte(0x80 | ((cp >> 12) & 63));
        byte(0x80 | ((cp >> 6) & 63));
        byte(0x80 | (cp & 63));
      }
    }
  }
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

function hex4(v: number): string {
  return v.toString(16).padStart(4, '0');
}

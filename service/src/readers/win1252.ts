/**
 * Windows-1252 decoding without a code-page library: bytes below 0x80 and from 0xA0 on are
 * the Unicode code points of the same number (as in Latin-1); 0x80..0x9F map as below, the five
 * bytes Windows-1252 leaves undefined to U+FFFD. The same text as `iconv-lite`'s `win1252`
 * (checked byte by byte in win1252.test.ts), without loading its 0.5 MB of code tables.
 */
const C1 =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';
const HAS_C1 = /[\x80-\x9f]/;
const C1_RANGE = /[\x80-\x9f]/g;

/**
 * Decodes Windows-1252 bytes (one character per byte, so chunks decode independently).
 *
 * @example decodeWin1252(Buffer.from([0x80, 0x41])) // '€A'
 */
export function decodeWin1252(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return HAS_C1.test(text) ? text.replace(C1_RANGE, (c) => C1[c.charCodeAt(0) - 0x80]!) : text;
}

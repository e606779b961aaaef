/**
 * Incremental FNV-1a 64 (Fowler/Noll/Vo) in four 16-bit limbs, since JS numbers
 * cannot hold 64-bit products. The prime 2^40 + 0x1b3 has limbs p0 = 0x1b3 and
 * p2 = 0x100, so h * p = h * p0 + (h * p2) << 32.
 */
export class Fnv1a64 {
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;

  /** Feeds bytes into the hash. */
  update(bytes: ArrayLike<number>): this {
    let h0 = this.h0;
    let h1 = this.h1;
    let h2 = this.h2;
    let h3 = this.h3;
    for (let i = 0; i < bytes.length; i++) {
      h0 ^= bytes[i]!;
      const r0 = h0 * 0x1b3;
      const r1 = h1 * 0x1b3 + (r0 >>> 16);
      const r2 = h2 * 0x1b3 + h0 * 0x100 + (r1 >>> 16);
      const r3 = h3 * 0x1b3 + h1 * 0x100 + (r2 >>> 16);
      h0 = r0 & 0xffff;
      h1 = r1 & 0xffff;
      h2 = r2 & 0xffff;
      h3 = r3 & 0xffff;
    }
    this.h0 = h0;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    return this;
  }

  /** The hash as 16 lower-case hex digits. */
  hex(): string {
    return hex4(this.h3) + hex4(this.h2) + hex4(this.h1) + hex4(this.h0);
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex4(v: number): string {
  return HEX[v >>> 8]! + HEX[v & 0xff]!;
}

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as with TextEncoder. */
export function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xe000) {
      const lo = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (cp < 0xdc00 && lo >= 0xdc00 && lo < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      } else cp = 0xfffd;
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}

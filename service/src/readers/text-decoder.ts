import { decodeWin1252 } from './win1252';

/** The text encodings the CSV reader tells apart. */
export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

/**
 * Decodes a byte stream whose encoding is decided from its first non-ASCII bytes: a UTF-8
 * BOM, else UTF-8 when its bytes read as UTF-8 (see `looksUtf8From`), else Windows-1252. Until the
 * first byte >= 0x80 every encoding agrees, so the decision needs no look-ahead buffer.
 * `sawInvalid` turns true when UTF-8 decoding met bytes it had to replace with U+FFFD.
 */
export class AutoDecoder {
  encoding: DetectedEncoding | null = null;
  sawInvalid = false;
  private utf8 = new TextDecoder('utf-8');
  private first = true;
  /** Bytes of a byte order mark still to skip (a first range shorter than the mark). */
  private bomLeft = 0;

  /** `encoding`: decided already (a later part of a file); no byte order mark is looked for then. */
  constructor(encoding: DetectedEncoding | null = null) {
    this.encoding = encoding;
    this.first = encoding === null;
  }

  /** Rejects what cannot be read as text at all (UTF-16); returns a problem or null. */
  static unsupported(head: Uint8Array): string | null {
    const [a, b] = head;
    if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff) || looksUtf16WithoutBom(head)) {
      return 'the file is UTF-16; save it as UTF-8 or Windows-1252 (ANSI) CSV';
    }
    return null;
  }

  /**
   * The text of `chunk[from, to)`, the bytes that follow those decoded before. An undecided
   * encoding is decided at the range's first non-ASCII byte from the bytes of the whole `chunk`
   * from there on, so decoding a chunk in ranges decides as decoding it whole does.
   */
  decode(chunk: Buffer, from = 0, to = chunk.length): string {
    if (this.first) {
      this.first = false;
      if (chunk[from] === 0xef && chunk[from + 1] === 0xbb && chunk[from + 2] === 0xbf) {
        this.encoding = 'utf-8-bom';
        this.bomLeft = 3;
      }
    }
    if (this.bomLeft > 0) {
      const skip = Math.min(this.bomLeft, to - from);
      this.bomLeft -= skip;
      from += skip;
    }
    if (this.encoding === null) {
      const k = firstNonAscii(chunk, from, to);
      if (k < 0) return chunk.toString('latin1', from, to);
      this.encoding = looksUtf8From(chunk, k) ? 'utf-8' : 'windows-1252';
    }
    const bytes = from === 0 && to === chunk.length ? chunk : chunk.subarray(from, to);
    if (this.encoding === 'windows-1252') return decodeWin1252(bytes);
    const text = this.utf8.decode(bytes, { stream: true });
    if (!this.sawInvalid && text.includes('\uFFFD')) this.sawInvalid = true;
    return text;
  }

  end(): string {
    if (this.encoding === 'windows-1252' || this.encoding === null) return '';
    const text = this.utf8.decode();
    if (text.includes('\uFFFD')) this.sawInvalid = true;
    return text;
  }

  /** The encoding to report: a pure-ASCII file is reported as UTF-8. */
  get detected(): DetectedEncoding {
    return this.encoding ?? 'utf-8';
  }
}

function firstNonAscii(chunk: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if ((chunk[i] as number) >= 0x80) return i;
  return -1;
}

/**
 * Whether the bytes from `from` on read better as UTF-8 than as Windows-1252: more valid
 * multi-byte UTF-8 sequences than invalid bytes. Windows-1252 text with Danish letters has
 * next to no valid sequences; a UTF-8 file with a few corrupt bytes keeps its many valid ones
 * (and the rows with the corrupt bytes are quarantined as `bad-encoding`).
 */
export function looksUtf8From(chunk: Uint8Array, from: number): boolean {
  let good = 0;
  let bad = 0;
  let i = from;
  while (i < chunk.length) {
    const b = chunk[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) {
      bad++;
      i++;
      continue;
    }
    if (i + need >= chunk.length) break;
    let ok = true;
    for (let k = 1; k <= need; k++) if (((chunk[i + k] as number) & 0xc0) !== 0x80) ok = false;
    if (ok) {
      good++;
      i += need + 1;
    } else {
      bad++;
      i++;
    }
  }
  return good > bad;
}

/**
 * UTF-16 without a byte order mark: text never holds NUL bytes, while UTF-16 of Latin
 * text has one in every other byte. True when the first bytes hold NULs, all on even or
 * all on odd positions, in at least a quarter of the byte pairs.
 */
function looksUtf16WithoutBom(head: Uint8Array): boolean {
  const n = Math.min(head.length, 512) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  return n >= 4 && (even === 0 || odd === 0) && even + odd >= n / 8;
}

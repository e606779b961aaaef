/** An Int32Array of at least `min` elements holding `array`'s, new ones set to `fill`. */
function grown(array: Int32Array<ArrayBuffer>, min: number, fill: number): Int32Array<ArrayBuffer> {
  if (array.length >= min) return array;
  const bigger = new Int32Array(Math.max(min, array.length * 2, 1024)).fill(fill);
  bigger.set(array);
  return bigger;
}

/** 31 bits of a pseudonym's HMAC, read from its last 8 hex digits (any text: a hash of its last 8 code units), made odd (never 0). */
function hexHash(text: string): number {
  let hash = 0;
  for (let i = Math.max(0, text.length - 8); i < text.length; i++) {
    const c = text.charCodeAt(i);
    hash = (hash << 4) | (c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57);
  }
  return hash | 1;
}

/**
 * The load's dictionary on the storing side (see `EventBatch`): the stored text of each code
 * (clear names pseudonymised once, when they arrive), its UTF-8 bytes for the SQLite binds (made
 * at first use), and the event log builder's id of each code used as a case id, activity,
 * resource or lifecycle (-1 = not asked yet; resources -2, as -1 is none).
 */
export class LoadDictionary {
  /** The stored text of each code: the name, or the pseudonym of a clear name. */
  readonly text: string[] = [];
  /** A hash of each pseudonym (from its hex digits, odd; 0 for names stored as they are). */
  hashes = new Int32Array(0);
  caseIds = new Int32Array(0);
  activityIds = new Int32Array(0);
  resourceIds = new Int32Array(0);
  lifecycleCodes = new Int32Array(0);
  private readonly bytes: (Buffer | null)[] = [];

  /** @param pseudonym a clear value's pseudonym, see `createPseudonymText` */
  constructor(private readonly pseudonym: (clear: string) => string) {}

  /** Appends a batch's new names (`clear[i]` 1: pseudonymise `names[i]`). */
  add(names: readonly string[], clear: Uint8Array): void {
    for (let i = 0; i < names.length; i++) {
      if (clear[i] === 1) {
        const pseudonym = this.pseudonym(names[i]!);
        this.hashes = grown(this.hashes, this.text.length + 1, 0);
        this.hashes[this.text.length] = hexHash(pseudonym);
        this.text.push(pseudonym);
        // Most clear names (personal case attributes) are never bound: their bytes are made again if needed.
        this.bytes.push(null);
      } else {
        this.text.push(names[i]!);
        this.bytes.push(null);
      }
    }
    const size = this.text.length;
    this.hashes = grown(this.hashes, size, 0);
    this.caseIds = grown(this.caseIds, size, -1);
    this.activityIds = grown(this.activityIds, size, -1);
    this.resourceIds = grown(this.resourceIds, size, -2);
    this.lifecycleCodes = grown(this.lifecycleCodes, size, -1);
  }

  /** The UTF-8 bytes of code `code`'s text. */
  bytesOf(code: number): Buffer {
    let bytes = this.bytes[code]!;
    if (bytes === null) this.bytes[code] = bytes = Buffer.from(this.text[code]!, 'utf8');
    return bytes;
  }
}

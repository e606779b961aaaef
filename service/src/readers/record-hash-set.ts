/**
 * The starting values of `addText`'s two hashes (see `addTextHash`). The hot loops below start from
 * the literals themselves: started from these module constants, V8 at times compiled `unitsHash`'s
 * loop about 3x slower (measured 2.4 vs 0.8 ns a character).
 */
export const TEXT_SEED_1 = 0x2f693a1d | 0;
export const TEXT_SEED_2 = 0x6c8e9cf5 | 0;

/**
 * A set of 64-bit hashes of records, for spotting exact duplicate rows without keeping the
 * rows: 8 bytes a record in an open-addressing table (linear probing, grown at 50% load).
 * Two independent 32-bit multiplicative hashes (FNV-1a-like and polynomial) over the fields,
 * two UTF-16 units a step, with each field's length and a separator mixed in after it so
 * `["a,b"]` and `["a", "b"]` differ; a murmur3 finaliser spreads the bits. With 10 million
 * records the chance of any false duplicate is about 3 in a million.
 */
export class RecordHashSet {
  private table = new Uint32Array(2 * 1024);
  private mask = 1023;
  private count = 0;
  /** The two 32-bit halves of the hash last added (whether or not it was new). */
  lastHigh = 0;
  lastLow = 0;

  get size(): number {
    return this.count;
  }

  /** Empties the set, keeping its table (reusing one set costs far less than a fresh table's memory). */
  clear(): void {
    this.table.fill(0);
    this.count = 0;
    this.lastHigh = 0;
    this.lastLow = 0;
  }

  /** Makes room for `n` hashes in all, so adding them grows the table no more. */
  reserve(n: number): void {
    let size = this.mask + 1;
    while (size < 2 * n) size *= 2;
    if (size > this.mask + 1) this.grow(size);
  }

  /**
   * Adds the record's hash; returns false when an equal record was added before.
   * `first`, when given, is hashed as a field before `fields` (saves building a new array).
   */
  add(fields: readonly string[], first?: string): boolean {
    this.fieldsHash(fields, first);
    return this.insert(this.lastHigh, this.lastLow);
  }

  /** `add`'s hash of a record into `lastHigh`/`lastLow`, without adding it. */
  fieldsHash(fields: readonly string[], first?: string): void {
    let h1 = 0x811c9dc5 | 0;
    let h2 = 0x2545f491 | 0;
    const offset = first === undefined ? 0 : 1;
    const count = fields.length + offset;
    for (let f = 0; f < count; f++) {
      const s = (f < offset ? first : fields[f - offset]) as string;
      const even = s.length & ~1;
      let i = 0;
      for (; i < even; i += 2) {
        const c = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 + c, 0x5bd1e995);
      }
      const last = i < s.length ? s.charCodeAt(i) : 0;
      h1 = Math.imul(h1 ^ last ^ 0x10000, 0x01000193);
      h2 = Math.imul((h2 + last) ^ (h2 >>> 15), 0x5bd1e995) + s.length;
    }
    h1 = fmix(h1) >>> 0;
    h2 = fmix(h2 ^ count) >>> 0;
    if (h1 === 0 && h2 === 0) h2 = 1;
    this.lastHigh = h1;
    this.lastLow = h2;
  }

  /**
   * Adds a record given as `text[from, to)`: its fields joined by a delimiter that no field
   * contains (an unquoted CSV line). Two such records are equal exactly when their texts are,
   * and the text is hashed in one pass over one string, about twice as fast as `add`.
   */
  addText(text: string, from: number, to: number): boolean {
    this.textRangeHash(text, from, to);
    return this.insert(this.lastHigh, this.lastLow);
  }

  /** `addText`'s hash of `text[from, to)` into `lastHigh`/`lastLow`, without adding it. */
  textRangeHash(text: string, from: number, to: number): void {
    let h1 = 0x2f693a1d | 0; // TEXT_SEED_1
    let h2 = 0x6c8e9cf5 | 0; // TEXT_SEED_2
    const even = from + ((to - from) & ~1);
    let i = from;
    for (; i < even; i += 2) {
      const c = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 + c, 0x5bd1e995);
    }
    this.textHash(h1, h2, i < to ? text.charCodeAt(i) : 0, to - from);
  }

  /**
   * Ends `addText`'s hash computed elsewhere (the CSV block reader hashes a line's UTF-16 code
   * units while it decodes its bytes): `h1`/`h2` start at `TEXT_SEED_1`/`TEXT_SEED_2` and take each
   * pair of code units `c = u0 | (u1 << 16)` as `h1 = imul(h1 ^ c, 0x01000193)`,
   * `h2 = imul(h2 + c, 0x5bd1e995)`; `last` is an odd last unit (else 0), `units` the text's length.
   */
  addTextHash(h1: number, h2: number, last: number, units: number): boolean {
    this.textHash(h1, h2, last, units);
    return this.insert(this.lastHigh, this.lastLow);
  }

  /** Ends `addTextHash`'s hash into `lastHigh`/`lastLow` without adding it. */
  textHash(h1: number, h2: number, last: number, units: number): void {
    h1 = fmix(Math.imul(h1 ^ last, 0x01000193)) >>> 0;
    h2 = fmix(Math.imul(h2 + last, 0x5bd1e995) ^ units) >>> 0;
    if (h1 === 0 && h2 === 0) h2 = 1;
    this.lastHigh = h1;
    this.lastLow = h2;
  }

  /**
   * Adds a record of `fields` the way `addText` adds its delimited text, so that a record
   * split by the CSV fast path (`addText`) and an equal one read field by field are one
   * record; when a field contains the delimiter the text would be ambiguous and `add` is used.
   */
  addFields(fields: readonly string[], delimiter: string): boolean {
    this.delimitedHash(fields, delimiter);
    return this.insert(this.lastHigh, this.lastLow);
  }

  /** `addFields`'s hash of a record into `lastHigh`/`lastLow`, without adding it. */
  delimitedHash(fields: readonly string[], delimiter: string): void {
    for (let f = 0; f < fields.length; f++) if ((fields[f] as string).includes(delimiter)) return this.fieldsHash(fields);
    const text = fields.join(delimiter);
    this.textRangeHash(text, 0, text.length);
  }

  /** Adds a hash taken from `lastHigh`/`lastLow` of another set (merging reads of two parts of a file); false when present. */
  addHash(h1: number, h2: number): boolean {
    return this.insert(h1, h2);
  }

  private insert(h1: number, h2: number): boolean {
    this.lastHigh = h1;
    this.lastLow = h2;
    if (!this.place(h1, h2)) return false;
    if (++this.count * 2 > this.mask + 1) this.grow();
    return true;
  }

  /** Puts a hash in its slot; false when it is there already. */
  private place(h1: number, h2: number): boolean {
    const t = this.table;
    let slot = h1 & this.mask;
    for (;;) {
      const a = t[2 * slot] as number;
      const b = t[2 * slot + 1] as number;
      if (a === 0 && b === 0) break;
      if (a === h1 && b === h2) return false;
      slot = (slot + 1) & this.mask;
    }
    t[2 * slot] = h1;
    t[2 * slot + 1] = h2;
    return true;
  }

  private grow(slots = (this.mask + 1) * 2): void {
    const old = this.table;
    this.table = new Uint32Array(2 * slots);
    this.mask = slots - 1;
    for (let i = 0; i < old.length; i += 2) {
      const a = old[i] as number;
      const b = old[i + 1] as number;
      if (a !== 0 || b !== 0) this.place(a, b);
    }
  }
}

/** Whether the machine stores UTF-16 code units little-endian, as `TextUnits` writes and reads them. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * A text's UTF-16 code units in typed arrays (one buffer, reused for each text loaded), for the CSV
 * tokenizer's split-and-hash pass (`CsvTokenizer.recordHashed`). `load` returns false when it cannot
 * serve (a big-endian machine, where a u32 word would not be `u0 | (u1 << 16)`): then hash with `addText`.
 */
export class TextUnits {
  u16 = new Uint16Array(0);
  u32 = new Uint32Array(0);
  private bytes = Buffer.alloc(0);

  /** Copies the code units of `text` (natively, a fraction of the cost of hashing them). */
  load(text: string): boolean {
    if (!LITTLE_ENDIAN) return false;
    const need = 2 * text.length + 4;
    if (this.bytes.length < need) {
      this.bytes = Buffer.allocUnsafeSlow(Math.ceil((need * 1.25) / 4) * 4);
      this.u16 = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length >> 1);
      this.u32 = new Uint32Array(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length >> 2);
    }
    return this.bytes.write(text, 0, 'utf16le') === 2 * text.length;
  }
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

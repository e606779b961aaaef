/**
 * Interns values given as UTF-8 bytes to dense ids in first-seen order, without making a
 * string per lookup: a value's bytes are hashed (FNV-1a, four bytes a step) and compared with the stored bytes
 * of the values seen so far (an open-addressing table, grown at 50% load). A string is made
 * once per distinct value. Values given as strings (`internText`) are looked up by their
 * UTF-8 bytes, so a value read as bytes and the same value read as text get one id.
 */
export class ByteInterner {
  readonly values: string[] = [];
  private bytes = new Uint8Array(1 << 12);
  private used = 0;
  private start = new Int32Array(256);
  private length = new Int32Array(256);
  private hashes = new Int32Array(256);
  /** Slot -> id + 1 (0: empty). */
  private table = new Int32Array(1024);
  private mask = 1023;

  /** The id of the value `b[from, to)` (valid UTF-8: its string is made without replacement checks), assigning the next id when it is new. */
  intern(b: Buffer, from: number, to: number): number {
    // FNV-1a over four bytes a step, then a finaliser so the table's low bits see every byte.
    let h = 0x811c9dc5 | 0;
    let i = from;
    for (; i + 3 < to; i += 4) h = Math.imul(h ^ (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)), 0x01000193);
    for (; i < to; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    const n = to - from;
    const table = this.table;
    let slot = h & this.mask;
    for (;;) {
      const entry = table[slot] as number;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] === h && this.length[id] === n && this.same(id, b, from, n)) return id;
      slot = (slot + 1) & this.mask;
    }
    return this.add(b, from, n, h, slot);
  }

  /** The hash of each value in id order (a copy): equal values, equal hashes. */
  hashList(): Int32Array {
    return this.hashes.slice(0, this.values.length);
  }

  /** The id of `value`, assigning the next id when it is new. */
  internText(value: string): number {
    const b = Buffer.from(value, 'utf8');
    return this.intern(b, 0, b.length);
  }

  /** True when the value of `id` has the bytes `b[from, from + n)`. */
  same(id: number, b: Buffer, from: number, n: number): boolean {
    if (this.length[id] !== n) return false;
    const stored = this.bytes;
    const at = this.start[id] as number;
    for (let i = 0; i < n; i++) if (stored[at + i] !== b[from + i]) return false;
    return true;
  }

  private add(b: Buffer, from: number, n: number, h: number, slot: number): number {
    const id = this.values.length;
    if (id === this.start.length) {
      this.start = grown(this.start, id * 2);
      this.length = grown(this.length, id * 2);
      this.hashes = grown(this.hashes, id * 2);
    }
    if (this.used + n > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + n));
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    // Byte by byte: values are short, and a view per value would be garbage.
    const bytes = this.bytes;
    for (let i = 0, at = this.used; i < n; i++) bytes[at + i] = b[from + i]!;
    this.start[id] = this.used;
    this.length[id] = n;
    this.hashes[id] = h;
    this.used += n;
    this.values.push(b.toString('utf8', from, from + n));
    this.table[slot] = id + 1;
    if ((id + 1) * 2 > this.mask + 1) this.rehash();
    return id;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.values.length; id++) {
      let slot = (this.hashes[id] as number) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}

function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(size);
  bigger.set(a);
  return bigger;
}

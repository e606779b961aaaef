import { Interner } from './interner';

/**
 * Interns case ids to dense ids in first-seen order, as `Interner` does, with a second way in:
 * `internHashed` takes an id together with a hash the caller has at hand (a reader's hash of the
 * id's bytes: equal ids, equal hashes). While every id came that way, ids are found in a table of
 * hashes (compared as strings only on equal hashes) and no map of strings is built, which saves
 * most of the time and memory of interning a million events' cases. The first id that comes
 * without a hash puts the ids so far in the map, which serves every id from then on.
 */
export class CaseInterner {
  private readonly map = new Interner();
  private readonly hashed: string[] = [];
  /** While every id came with a hash: slot -> id + 1 (0: empty), and each id's hash; else null. */
  private slots: Int32Array | null = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  private hashes = new Int32Array(1 << 11);

  /** The ids in id order. */
  get values(): readonly string[] {
    return this.slots === null ? this.map.values : this.hashed;
  }

  /** The id of `value` (a copy of its own is kept when it is new, see `Interner.intern`). */
  intern(value: string): number {
    if (this.slots !== null) this.toMap();
    return this.map.intern(value);
  }

  /** `intern` for a value that is a string of its own already. */
  internOwn(value: string): number {
    if (this.slots !== null) this.toMap();
    return this.map.internOwn(value);
  }

  /** The id of `value`, a string of its own, whose hash is `hash` (equal values must have equal hashes). */
  internHashed(value: string, hash: number): number {
    const slots = this.slots;
    if (slots === null) return this.map.internOwn(value);
    const mask = this.mask;
    let slot = hash & mask;
    for (let entry = slots[slot]!; entry !== 0; entry = slots[slot]!) {
      const id = entry - 1;
      if (this.hashes[id] === hash && this.hashed[id] === value) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.hashed.length;
    this.hashed.push(value);
    if (id === this.hashes.length) {
      const bigger = new Int32Array(id * 2);
      bigger.set(this.hashes);
      this.hashes = bigger;
    }
    this.hashes[id] = hash;
    slots[slot] = id + 1;
    if ((id + 1) * 2 > mask + 1) this.rehash();
    return id;
  }

  /** Moves the ids interned by hash into the map (in id order, so they keep their ids). */
  private toMap(): void {
    for (const value of this.hashed) this.map.internOwn(value);
    this.hashed.length = 0;
    this.slots = null;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.hashed.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

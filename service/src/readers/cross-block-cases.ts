import type { RecordHashSet } from './record-hash-set';

/** What `CrossBlockCases` keeps of a merged block: its first-of-kind records and their cases. */
interface KeptBlock {
  firstHashes: Uint32Array;
  firstOutcomes: Int32Array;
  caseOf: Uint32Array;
  caseHashes: Int32Array;
}

/** Records looked through to fill in a case's earlier records, beyond which every record is checked. */
const SCAN_ALLOWANCE = 1 << 17;

/**
 * Spares the duplicate check across CSV blocks the records that cannot be duplicates: two equal
 * records have the same case id, so a record whose case no earlier block (nor the part read before
 * the blocks) holds is new, and its hash need not be looked up. Its hash is added to the check's
 * set only when its case turns up again in a later block; then the case's earlier records (all in
 * the one block it was first seen in, as a case seen twice has its hashes added) are added first.
 *
 * This holds while every record so far was an event: an event and a rejection are compared by
 * their text alone, and a rejection has no case id. So on the first block with a rejection, on a
 * read whose first part read records, or when files whose cases are spread over many blocks make
 * the look-back cost more than the check would, every hash held back is added and every later
 * record is checked (`oldCases` returns null from then on).
 *
 * Case ids are compared by their 32-bit hash (the block's `ByteInterner` hash of the id's UTF-8
 * bytes): two ids with one hash count as one case, which only makes more records checked. The
 * one outcome that can differ from a sequential read: two different records of different cases
 * whose 64-bit record hashes collide (about 3 in 100 million at a million records), which the
 * sequential read would take for duplicates and this check rightly does not.
 */
export class CrossBlockCases {
  private active: boolean;
  private readonly kept: KeptBlock[] = [];
  /** Open addressing by case hash: slot -> entry + 1 (0: empty). */
  private slots = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  private hashOf = new Int32Array(1 << 11);
  /** The block a case hash was first seen in, and whether its records' hashes are all in the set. */
  private firstBlock = new Int32Array(1 << 11);
  private added = new Uint8Array(1 << 11);
  private entries = 0;
  private merged = 0;
  private scanned = 0;

  /** `seen` is the duplicate check's set; `readBefore`: the part read before the blocks read records. */
  constructor(
    private readonly seen: RecordHashSet,
    readBefore: boolean,
  ) {
    this.active = !readBefore;
  }

  /**
   * For block `index` (blocks come in file order): per block case, 1 when an earlier block held
   * it (its records need the check), else 0; or null when every record of the block needs it.
   * Call before checking the block's records; the block is kept for later look-backs.
   */
  oldCases(index: number, block: KeptBlock, rejections: number): Uint8Array | null {
    if (!this.active) return null;
    if (rejections > 0) {
      this.stop();
      return null;
    }
    const { caseHashes } = block;
    const old = new Uint8Array(caseHashes.length);
    for (let c = 0; c < caseHashes.length; c++) {
      const h = caseHashes[c]!;
      let slot = h & this.mask;
      let entry = -1;
      for (let e = this.slots[slot]!; e !== 0; e = this.slots[slot]!) {
        if (this.hashOf[e - 1] === h) {
          entry = e - 1;
          break;
        }
        slot = (slot + 1) & this.mask;
      }
      if (entry < 0) {
        this.addEntry(h, index, slot);
        continue;
      }
      old[c] = 1;
      if (this.added[entry] === 0 && this.firstBlock[entry] !== index) {
        this.added[entry] = 1;
        if (!this.addEarlier(h, this.firstBlock[entry]!)) return null;
      }
    }
    this.kept[index] = block;
    this.merged += block.firstOutcomes.length;
    return old;
  }

  /** Adds the hashes of block `at`'s records of case hash `h`; false when the look-backs cost too much (then all is added). */
  private addEarlier(h: number, at: number): boolean {
    const { firstHashes, firstOutcomes, caseOf, caseHashes } = this.kept[at]!;
    for (let r = 0; r < firstOutcomes.length; r++) {
      if (caseHashes[caseOf[firstOutcomes[r]!]!] === h) this.seen.addHash(firstHashes[2 * r]!, firstHashes[2 * r + 1]!);
    }
    this.scanned += firstOutcomes.length;
    if (this.scanned <= 2 * this.merged + SCAN_ALLOWANCE) return true;
    this.stop();
    return false;
  }

  /** Adds every hash held back and checks every record from now on. */
  private stop(): void {
    this.active = false;
    for (const block of this.kept) {
      if (block === undefined) continue;
      const { firstHashes } = block;
      for (let i = 0; i < firstHashes.length; i += 2) this.seen.addHash(firstHashes[i]!, firstHashes[i + 1]!);
    }
    this.kept.length = 0;
  }

  private addEntry(h: number, index: number, slot: number): void {
    const e = this.entries++;
    if (e === this.hashOf.length) {
      this.hashOf = grown(this.hashOf, Int32Array);
      this.firstBlock = grown(this.firstBlock, Int32Array);
      this.added = grown(this.added, Uint8Array);
    }
    this.hashOf[e] = h;
    this.firstBlock[e] = index;
    this.slots[slot] = e + 1;
    if (this.entries * 2 > this.mask + 1) this.rehash();
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let e = 0; e < this.entries; e++) {
      let slot = this.hashOf[e]! & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = e + 1;
    }
  }
}

function grown<T extends Int32Array | Uint8Array>(a: T, Type: { new (n: number): T }): T {
  const bigger = new Type(a.length * 2);
  bigger.set(a);
  return bigger;
}

import { RecordHashSet } from './record-hash-set';

/** The longest case run checked by run; a longer one moves the check to the table for the rest of the read. */
const MAX_RUN = 256;

/**
 * The CSV reader's exact-duplicate check, by case run. Two equal records have the same case
 * field, so while each case's records come together (as in most extracts), a record's hash
 * (`RecordHashSet`'s) is compared only with the hashes of its case's run so far and appended to
 * a plain list. The table of every hash (`seen`) is a random access into megabytes for each
 * record, which cost more than hashing the record. When a case comes back after another one,
 * or a run grows past `MAX_RUN`, every hash kept so far goes into `seen`, and the check is
 * `seen`'s for the rest of the read. (Only a 64-bit hash collision between records of
 * different cases is told apart where `seen` alone would have taken it for a duplicate.)
 */
export class CaseRunDuplicates {
  /** Every hash kept while checking by run, in pairs (high, low). */
  private kept = new Uint32Array(2 * 4096);
  private count = 0;
  /** Where the current run's hashes start in `kept`. */
  private runStart = 0;
  private runCase: string | null = null;
  /** A 64-bit hash of the case field of each run begun (a false match only moves the check to `seen`). */
  private readonly runCases = new RecordHashSet();
  private byRun = true;

  /**
   * `seen`: the set that hashes records and, once the check leaves the runs, holds every hash;
   * `expectedRecords`: what to size its table for then (see `RecordHashSet.reserve`).
   */
  constructor(
    readonly seen: RecordHashSet,
    private readonly expectedRecords = 0,
  ) {}

  /**
   * Adds the hash `seen.lastHigh`/`seen.lastLow` of a record whose case field is `caseField`;
   * false when an equal record came before.
   */
  add(caseField: string): boolean {
    const seen = this.seen;
    const h1 = seen.lastHigh;
    const h2 = seen.lastLow;
    if (!this.byRun) return seen.addHash(h1, h2);
    if (caseField !== this.runCase) {
      this.runCase = caseField;
      this.runStart = this.count;
      if (!this.runCases.add([caseField])) return this.table().addHash(h1, h2);
    } else if (this.count - this.runStart >= MAX_RUN) return this.table().addHash(h1, h2);
    let kept = this.kept;
    for (let i = 2 * this.runStart; i < 2 * this.count; i += 2) if (kept[i] === h1 && kept[i + 1] === h2) return false;
    if (2 * this.count === kept.length) {
      kept = new Uint32Array(kept.length * 2);
      kept.set(this.kept);
      this.kept = kept;
    }
    kept[2 * this.count] = h1;
    kept[2 * this.count + 1] = h2;
    this.count++;
    return true;
  }

  /** The set holding every hash added so far; from this call on the check is that set's. */
  table(): RecordHashSet {
    if (this.byRun) {
      this.byRun = false;
      const seen = this.seen;
      seen.reserve(Math.max(this.expectedRecords, seen.size + this.count));
      for (let i = 0; i < 2 * this.count; i += 2) seen.addHash(this.kept[i]!, this.kept[i + 1]!);
      this.kept = new Uint32Array(0);
      this.runCases.clear();
    }
    return this.seen;
  }
}

/** Key spaces up to this size count in a typed array (4 MB); larger ones in a Map. */
const DENSE_MAX_KEYS = 1 << 20;

/**
 * Counts per integer key in `[0, size)`, visited in the order keys were first counted (as a
 * `Map`'s entries are): a typed array and a list of first-seen keys when the key space is small,
 * so counting costs no hashing; a `Map` when it is large. Sums over the visit order (entropies)
 * are therefore the same either way.
 */
export class CountTable {
  private readonly dense: Uint32Array | null;
  private readonly sparse: Map<number, number> | null;
  private readonly firstSeen: number[] = [];

  constructor(size: number) {
    this.dense = size <= DENSE_MAX_KEYS ? new Uint32Array(Math.max(0, size)) : null;
    this.sparse = this.dense ? null : new Map();
  }

  /** Adds `by` (at least 1) to the count of `key`. */
  add(key: number, by = 1): void {
    const dense = this.dense;
    if (dense !== null) {
      const n = dense[key]!;
      dense[key] = n + by;
      if (n === 0) this.firstSeen.push(key);
    } else {
      const m = this.sparse!;
      m.set(key, (m.get(key) ?? 0) + by);
    }
  }

  /** Calls `visit(key, count)` for every counted key, in first-counted order. */
  forEach(visit: (key: number, count: number) => void): void {
    const dense = this.dense;
    if (dense !== null) {
      for (const key of this.firstSeen) visit(key, dense[key]!);
    } else {
      for (const [key, n] of this.sparse!) visit(key, n);
    }
  }
}

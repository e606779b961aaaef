/**
 * Dense ids for (from, to) activity pairs in first-seen order, keyed by the integer
 * `from * n + to`: a flat Int32Array for up to 2048 activities, a Map beyond.
 */
export class EdgeIndex {
  private readonly dense: Int32Array | null;
  private readonly sparse = new Map<number, number>();
  private readonly pairs: number[] = [];

  constructor(private readonly n: number) {
    this.dense = n <= 2048 ? new Int32Array(n * n).fill(-1) : null;
  }

  /** Number of distinct pairs seen. */
  get size(): number {
    return this.pairs.length;
  }

  /** The id of the pair, assigning a new one when unseen. */
  idOf(from: number, to: number): number {
    const key = from * this.n + to;
    const found = this.dense ? this.dense[key]! : (this.sparse.get(key) ?? -1);
    if (found >= 0) return found;
    const id = this.pairs.length;
    this.pairs.push(key);
    if (this.dense) this.dense[key] = id;
    else this.sparse.set(key, id);
    return id;
  }

  /** The id of a pair already seen (-1 if not). */
  get(from: number, to: number): number {
    const key = from * this.n + to;
    return this.dense ? this.dense[key]! : (this.sparse.get(key) ?? -1);
  }

  /** The (from, to) of an id. */
  pairOf(id: number): [number, number] {
    const key = this.pairs[id]!;
    return [Math.floor(key / this.n), key % this.n];
  }
}

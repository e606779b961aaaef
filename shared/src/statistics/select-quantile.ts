/**
 * Exact quantiles without a full sort: Wirth's selection (Hoare's FIND), expected
 * linear time, reordering `values` in place. Falls back to sorting a range that
 * refuses to shrink, so adversarial input stays O(n log n).
 */

/** Moves the k-th smallest of `a[lo..hi]` to index k; smaller values before, larger after. */
export function selectInPlace(a: Float64Array, k: number, lo = 0, hi = a.length - 1): void {
  let rounds = 0;
  while (lo < hi) {
    if (++rounds > 64) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const x = a[k]!;
    let i = lo;
    let j = hi;
    do {
      while (a[i]! < x) i++;
      while (x < a[j]!) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
}

/**
 * The q-quantile (R-7, as `quantileSorted`) of `a[from..]`, reordering it; values before
 * `from` must already be <= every value from `from` on (e.g. an earlier, lower quantile).
 * Returns the quantile and the index it was selected at.
 */
export function quantileInPlace(a: Float64Array, q: number, from = 0): { value: number; index: number } {
  const n = a.length;
  if (n === 0) return { value: Number.NaN, index: -1 };
  const h = (n - 1) * q;
  const k = Math.floor(h);
  selectInPlace(a, k, Math.min(from, k), n - 1);
  const low = a[k]!;
  if (h === k || k + 1 >= n) return { value: low, index: k };
  let next = a[k + 1]!;
  for (let i = k + 2; i < n; i++) if (a[i]! < next) next = a[i]!;
  return { value: low + (h - k) * (next - low), index: k };
}

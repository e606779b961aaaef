/**
 * Groups event indices by case (counting sort, so input order is kept) and sorts
 * each case's events by timestamp, ties in input order.
 * Returns the case offsets and `order[k]` = input index of the k-th event.
 */
export function orderEventsByCase(
  caseOf: Uint32Array,
  time: Float64Array,
  n: number,
  caseCount: number,
): { offsets: Uint32Array; order: Uint32Array } {
  const offsets = new Uint32Array(caseCount + 1);
  for (let i = 0; i < n; i++) offsets[caseOf[i]! + 1]!++;
  for (let c = 0; c < caseCount; c++) offsets[c + 1]! += offsets[c]!;
  const next = offsets.slice(0, caseCount);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[next[caseOf[i]!]!++] = i;
  for (let c = 0; c < caseCount; c++) {
    const lo = offsets[c]!;
    const hi = offsets[c + 1]!;
    let sorted = true;
    for (let k = lo + 1; k < hi; k++) {
      if (time[order[k]!]! < time[order[k - 1]!]!) {
        sorted = false;
        break;
      }
    }
    if (!sorted) sortRange(order, time, lo, hi);
  }
  return { offsets, order };
}

function sortRange(order: Uint32Array, time: Float64Array, lo: number, hi: number): void {
  if (hi - lo <= 32) {
    for (let k = lo + 1; k < hi; k++) {
      const v = order[k]!;
      const t = time[v]!;
      let j = k - 1;
      while (j >= lo && time[order[j]!]! > t) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = v;
    }
    return;
  }
  const slice = Array.from(order.subarray(lo, hi));
  slice.sort((a, b) => time[a]! - time[b]! || a - b);
  order.set(slice, lo);
}

/**
 * The case offsets when the events need no reordering: each case's events come together, cases
 * in first-seen order (`caseOf` never decreases) and in time order within the case; else null
 * (then `orderEventsByCase` orders them). One pass, no order array.
 */
export function groupedCaseOffsets(caseOf: Uint32Array, time: Float64Array, n: number, caseCount: number): Uint32Array | null {
  const offsets = new Uint32Array(caseCount + 1);
  let last = n > 0 ? caseOf[0]! : 0;
  if (last !== 0) return null;
  for (let i = 1; i < n; i++) {
    const c = caseOf[i]!;
    if (c === last) {
      if (time[i]! < time[i - 1]!) return null;
    } else {
      // Ids are given in first-seen order: the next case of grouped events is always the next id.
      if (c !== last + 1) return null;
      offsets[c] = i;
      last = c;
    }
  }
  if (n > 0 && last !== caseCount - 1) return null;
  offsets[caseCount] = n;
  return offsets;
}

/**
 * Shannon entropy of counts divided by its maximum log(m) for m non-zero counts: 0 when one
 * choice takes everything, 1 when all m choices are equally frequent; 0 for m <= 1.
 *
 * @example normalisedEntropy([5, 5]) // 1
 */
export function normalisedEntropy(counts: Iterable<number>): number {
  let total = 0;
  let m = 0;
  const list: number[] = [];
  for (const n of counts) {
    if (n <= 0) continue;
    list.push(n);
    total += n;
    m++;
  }
  if (m <= 1) return 0;
  let h = 0;
  for (const n of list) {
    const p = n / total;
    h -= p * Math.log(p);
  }
  return h / Math.log(m);
}

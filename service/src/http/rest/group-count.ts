import { formatGroupCount } from '@sagsflow/shared';

/** A count as a person may see it: the number, or the string "<k" for 1..k-1. */
export function shownCount(n: number, k: number): number | string {
  const text = formatGroupCount(n, k);
  return text.startsWith('<') ? text : n;
}

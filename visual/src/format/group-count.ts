import { formatGroupCount as sharedGroupCount } from '@sagsflow/shared';
import type { Formatter } from './formatter';

/**
 * A count as a person may see it, in the locale: "<k" for 1..k-1 (the minimum group size
 * rule of the shared core), otherwise the exact count with grouping ("1.234" / "1,234").
 * @example groupCountLabel(3, 5, createFormatter('da-DK')) // "<5"
 */
export function groupCountLabel(count: number, k: number, formatter: Formatter): string {
  const shown = sharedGroupCount(Math.round(count), Math.max(1, Math.round(k)));
  return shown.startsWith('<') ? shown : formatter.count(count);
}

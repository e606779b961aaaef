import { MisuseError, quote } from '../errors';

/** The key of the merged entry of rare variants. */
export const OTHER_VARIANTS_KEY = 'other';

/** A variant as `discoverVariants` (`key`) or `aggregateSteps` (`variantKey`) returns it. */
export type VariantLike = { cases: number; activities: readonly string[] } & ({ key: string } | { variantKey: string });

/** One entry of a variant list that is safe to show. */
export interface GroupedVariant {
  /** The variant key, or `OTHER_VARIANTS_KEY` for the merged rare variants. */
  key: string;
  /** The activities; empty for the merged entry. */
  activities: readonly string[];
  cases: number;
  /** cases / all cases of the input (0..1). */
  share: number;
  /** How many variants this entry stands for (1, or the number merged). */
  variants: number;
  isOther: boolean;
}

/**
 * Privacy rule for everything a person sees: variants with fewer than `k` cases are
 * merged into one "other variants" entry (key `other`, placed last, present only if
 * something was merged). The fine tables (steps, variants in the store and the OData
 * feed) stay exact so Power BI can still add them up; apply this only when showing.
 *
 * @example applyMinimumGroupSize(discoverVariants(log).variants, 5)
 */
export function applyMinimumGroupSize(variants: readonly VariantLike[], k: number): GroupedVariant[] {
  checkK('applyMinimumGroupSize', k);
  let total = 0;
  for (const v of variants) total += v.cases;
  const share = (cases: number) => (total > 0 ? cases / total : 0);
  const out: GroupedVariant[] = [];
  let otherCases = 0;
  let merged = 0;
  for (const v of variants) {
    if (v.cases < k) {
      otherCases += v.cases;
      merged++;
      continue;
    }
    const key = 'key' in v ? v.key : v.variantKey;
    out.push({ key, activities: v.activities, cases: v.cases, share: share(v.cases), variants: 1, isOther: false });
  }
  if (merged > 0) {
    out.push({ key: OTHER_VARIANTS_KEY, activities: [], cases: otherCases, share: share(otherCases), variants: merged, isOther: true });
  }
  return out;
}

/**
 * A count as it may be shown: `"<k"` for 1..k-1, otherwise the number (0 stays "0").
 *
 * @example formatGroupCount(3, 5) // "<5"
 */
export function formatGroupCount(n: number, k: number): string {
  checkK('formatGroupCount', k);
  return n > 0 && n < k ? `<${k}` : String(n);
}

function checkK(operation: string, k: number): void {
  if (!(Number.isInteger(k) && k >= 1)) {
    throw new MisuseError(`${operation}: minimum group size is invalid, got ${quote(k)}, expected an integer >= 1`);
  }
}

/**
 * Per step row, the report dimensions the visual was given (optional data roles), column-wise:
 * one entry per row of the step rows, or null when the role is not bound.
 */
export interface RowDimensions {
  readonly jobcenter: readonly string[] | null;
  readonly period: readonly string[] | null;
  readonly process: readonly string[] | null;
}

/** No dimension bound. */
export const NO_DIMENSIONS: RowDimensions = { jobcenter: null, period: null, process: null };

/** The dimension names, in the order the filter summary shows them. */
export const DIMENSION_NAMES = ['jobcenter', 'period', 'process'] as const;

/** A period cell as `YYYY-MM`: dates give their month (UTC), `YYYY-MM...` strings their prefix. */
export function monthOf(value: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(value);
  return match ? `${match[1]}-${match[2]}` : value;
}

/** How a monthly figure develops: least-squares slope over the months and its direction. */
export interface Trend {
  /** Change per month, in the figure's unit; NaN with fewer than 3 months. */
  slopePerMonth: number;
  /** `rising`/`falling` when the slope is over 5 % of `reference` a month, else `flat`; `unknown` with fewer than 3 months. */
  direction: 'rising' | 'falling' | 'flat' | 'unknown';
}

/** Month number of `YYYY-MM` (year * 12 + month), for spacing months on a line. */
export function monthNumber(period: string): number {
  const [y, m] = period.split('-').map(Number);
  return (y ?? 0) * 12 + (m ?? 1) - 1;
}

/**
 * The trend of `values` over `periods` (`YYYY-MM`, months may be missing): an ordinary
 * least-squares line through (month number, value).
 *
 * @example monthlyTrend(['2024-01', '2024-02', '2024-03'], [10, 12, 14], 12) // { slopePerMonth: 2, direction: 'rising' }
 */
export function monthlyTrend(periods: readonly string[], values: readonly number[], reference: number): Trend {
  const n = periods.length;
  if (n < 3) return { slopePerMonth: Number.NaN, direction: 'unknown' };
  const xs = periods.map(monthNumber);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = values.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (values[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const relative = reference > 0 ? slope / reference : 0;
  return { slopePerMonth: slope, direction: relative > 0.05 ? 'rising' : relative < -0.05 ? 'falling' : 'flat' };
}

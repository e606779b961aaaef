import type powerbi from 'powerbi-visuals-api';

/** True when a metadata column is bound to `role`. */
export function hasRole(column: powerbi.DataViewMetadataColumn | undefined, role: string): boolean {
  return Boolean(column?.roles?.[role]);
}

/** The first column of `columns` whose source is bound to `role`. */
export function findByRole<T extends { source: powerbi.DataViewMetadataColumn }>(
  columns: readonly T[] | undefined,
  role: string,
): T | undefined {
  return columns?.find((column) => hasRole(column.source, role));
}

/** Converts a cell to a finite number, or NaN. Accepts numbers, numeric strings and booleans. */
export function toNumber(value: powerbi.PrimitiveValue | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return Number.NaN;
}

/** Converts a cell to a trimmed string; null/undefined become ''. Dates become ISO strings. */
export function toText(value: powerbi.PrimitiveValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}

/**
 * Converts a timestamp cell to epoch milliseconds, or NaN. Power BI hands datetimes over as
 * `Date`; hosts may also send epoch-ms numbers or ISO strings.
 */
export function toEpochMs(value: powerbi.PrimitiveValue | undefined): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string' && value.trim() !== '') return Date.parse(value);
  return Number.NaN;
}

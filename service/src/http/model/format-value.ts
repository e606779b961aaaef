import type { ColumnInfo } from './table-info';

/** A stored value as JSON shows it: ISO date-times, real booleans, numbers and strings as they are. */
export function jsonValue(column: ColumnInfo, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.edm) {
    case 'Edm.DateTimeOffset':
      return new Date(Number(value) * column.timeUnitMs).toISOString();
    case 'Edm.Boolean':
      return value === 1 || value === true;
    case 'Edm.Double':
      return typeof value === 'number' && !Number.isFinite(value) ? (Number.isNaN(value) ? 'NaN' : value > 0 ? 'INF' : '-INF') : value;
    default:
      return typeof value === 'bigint' ? Number(value) : value;
  }
}

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

function jsonText(column: ColumnInfo, value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' && (column.edm === 'Edm.Int64' || column.edm === 'Edm.Double') && Number.isFinite(value))
    return String(value);
  if (typeof value === 'string' && column.edm === 'Edm.String') return JSON.stringify(value);
  return JSON.stringify(jsonValue(column, value));
}

/**
 * The JSON text of raw rows (arrays in `fetched` column order) as an array of objects with the
 * given columns. Builds the text directly instead of objects + `JSON.stringify`: a page of
 * 5,000 step rows is the hot path of a Power BI refresh.
 */
export function jsonRowsText(columns: readonly ColumnInfo[], fetched: readonly string[], rows: readonly unknown[][]): string {
  const at = columns.map((c) => fetched.indexOf(c.name));
  const keys = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.name)}:`);
  const parts: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let s = '';
    for (let i = 0; i < columns.length; i++) s += keys[i]! + jsonText(columns[i]!, row[at[i]!]);
    parts[r] = columns.length === 0 ? '{}' : `${s}}`;
  }
  return `[${parts.join(',')}]`;
}

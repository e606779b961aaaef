import type { ColumnInfo } from '../model/table-info';
import { jsonValue } from '../model/format-value';

/** The UTF-8 byte order mark: makes Excel read the file as UTF-8 (æøå). */
export const UTF8_BOM = '\uFEFF';

/** Text that Excel would run as a formula when it opens the file (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field per RFC 4180: quoted (with doubled quotes) when it holds the delimiter, a quote,
 * CR or LF. Text that starts like a spreadsheet formula (`=`, `+`, `-`, `@`, tab, CR) gets a
 * leading apostrophe so that Excel shows it instead of running it; numbers are left as they are.
 */
export function csvField(value: unknown, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  if (text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r')) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/** One CSV record (CRLF-terminated, as RFC 4180 says). */
export function csvRecord(values: readonly unknown[], delimiter = ','): string {
  return `${values.map((v) => csvField(v, delimiter)).join(delimiter)}\r\n`;
}

/** Formats raw rows (arrays in `fetched` order) as CSV records of the given columns (date-times as ISO, booleans as true/false). */
export function csvRows(rows: readonly unknown[][], fetched: readonly string[], columns: readonly ColumnInfo[], delimiter = ','): string {
  const at = columns.map((c) => fetched.indexOf(c.name));
  let out = '';
  for (const row of rows)
    out += csvRecord(
      columns.map((c, i) => jsonValue(c, row[at[i]!])),
      delimiter,
    );
  return out;
}

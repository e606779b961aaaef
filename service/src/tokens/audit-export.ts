import type Database from 'better-sqlite3';
import { auditRows } from '../db/audit-queries';

const HEADER = ['ts', 'token_id', 'token_name', 'role', 'action', 'target', 'detail'];

/** One CSV field: quoted when it holds a separator, quote or line break. */
function field(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The audit entries with `from <= ts < to` as CSV (comma-separated, header row, ISO 8601 UTC
 * times, oldest first): who (token id, name and role; empty for the command line) did what to
 * what. Token hashes are never included; audit details hold no personal data by design.
 */
export function auditCsv(sqlite: Database.Database, from: Date, to: Date): { csv: string; rows: number } {
  const rows = auditRows(sqlite, from.getTime(), to.getTime());
  const lines = [HEADER.join(',')];
  for (const [ts, ...rest] of rows) lines.push([new Date(ts).toISOString(), ...rest].map(field).join(','));
  return { csv: lines.join('\r\n') + '\r\n', rows: rows.length };
}

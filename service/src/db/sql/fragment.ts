/** A parameterised SQL fragment: values only ever travel in `params`. The one fragment type of the service. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** Quotes a known identifier (column names come from the schema, never from the request). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `column IN (?, ...)`; always false (`0`) for an empty list. */
export function inList(column: string, values: readonly unknown[]): SqlFragment {
  if (values.length === 0) return { sql: '0', params: [] };
  return { sql: `${quoteIdent(column)} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}

/** Joins conditions into a WHERE clause with a leading space (empty when there are none). */
export function whereSql(parts: readonly SqlFragment[]): SqlFragment {
  if (parts.length === 0) return { sql: '', params: [] };
  return { sql: ` WHERE ${parts.map((p) => p.sql).join(' AND ')}`, params: parts.flatMap((p) => p.params) };
}

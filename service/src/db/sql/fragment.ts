import { sql, type SQL } from 'drizzle-orm';

/** A parameterised SQL fragment: values only ever travel in `params`. The one fragment type of the service. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** Quotes a known identifier (column names come from the schema, never from the request). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `column = ?`. */
export function columnEquals(column: string, value: unknown): SqlFragment {
  return { sql: `${quoteIdent(column)} = ?`, params: [value] };
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

/** The conditions AND-ed into one (always true, `1`, when there are none). */
export function allOf(parts: readonly SqlFragment[]): SqlFragment {
  if (parts.length === 0) return { sql: '1', params: [] };
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) };
}

/** A fragment as a drizzle `SQL` value (its `?` marks bound to its params), for `where(...)` of the query builder. */
export function drizzleSql(fragment: SqlFragment): SQL {
  const pieces = fragment.sql.split('?');
  if (pieces.length !== fragment.params.length + 1) {
    throw new Error(`drizzleSql: ${fragment.params.length} params for ${pieces.length - 1} marks in '${fragment.sql.slice(0, 80)}'`);
  }
  return sql.join(
    pieces.flatMap((piece, i) => (i < fragment.params.length ? [sql.raw(piece), sql`${fragment.params[i]}`] : [sql.raw(piece)])),
  );
}

/**
 * Pieces joined into one fragment, in order: a string is SQL text (quoted identifiers, operators
 * from constants, never a value), a fragment brings its text and its params.
 */
export function concatSql(...parts: readonly (string | SqlFragment)[]): SqlFragment {
  return {
    sql: parts.map((p) => (typeof p === 'string' ? p : p.sql)).join(''),
    params: parts.flatMap((p) => (typeof p === 'string' ? [] : p.params)),
  };
}

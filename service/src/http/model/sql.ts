/** A parameterised SQL fragment: values only ever travel in `params`. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** Quotes a known identifier (column names come from the schema, never from the request). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

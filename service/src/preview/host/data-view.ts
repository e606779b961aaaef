import type { Capabilities, DataView, MetadataColumn, Primitive, Row, RowIdentity } from './types';

/** One field dragged onto a role of the visual, as a report author would bind it. */
export interface FieldBinding {
  role: string;
  /** Source column of the service row. */
  column: string;
  displayName: string;
  /** `summed` fields are added up per group (Power BI's default "Sum"); others group. */
  summed: boolean;
  kind: 'text' | 'integer' | 'numeric' | 'dateTime';
}

/** Roles of the first table mapping, in the order the mapping selects them. */
export function tableRoles(capabilities: Capabilities): string[] {
  const rows = capabilities.dataViewMappings?.find((m) => m.table)?.table?.rows;
  if (!rows) return [];
  if (rows.for) return [rows.for.in];
  return (rows.select ?? []).flatMap((s) => (s.for ? [s.for.in] : []));
}

/**
 * Builds the table DataView Power BI would hand the visual for these bound fields: one
 * row per distinct combination of the grouping fields, summed fields added up (so
 * finer service rows, e.g. per jobcenter, fold together exactly as in a report).
 * Rows are sorted by the grouping values, as Power BI's query result is.
 */
export function buildTableDataView(
  capabilities: Capabilities,
  fields: readonly FieldBinding[],
  rows: readonly Row[],
  objects: Record<string, Record<string, unknown>> = {},
): DataView {
  const order = tableRoles(capabilities);
  const bound = fields
    .filter((f) => order.includes(f.role))
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  const columns: MetadataColumn[] = bound.map((f, index) => ({
    displayName: f.displayName,
    queryName: f.summed ? `Sum(Steps.${f.column})` : `Steps.${f.column}`,
    index,
    roles: { [f.role]: true },
    type: { [f.kind]: true, ...(f.kind === 'text' ? {} : { numeric: f.kind !== 'dateTime' }) },
    isMeasure: f.summed,
  }));
  const groups = bound.map((f, i) => ({ f, i })).filter((x) => !x.f.summed);
  const sums = bound.map((f, i) => ({ f, i })).filter((x) => x.f.summed);
  const byKey = new Map<string, Primitive[]>();
  for (const source of rows) {
    const keyValues = groups.map(({ f }) => source[f.column] ?? null);
    const key = JSON.stringify(keyValues);
    let row = byKey.get(key);
    if (!row) {
      row = bound.map(() => null);
      groups.forEach(({ i }, g) => (row![i] = keyValues[g]!));
      sums.forEach(({ i }) => (row![i] = 0));
      byKey.set(key, row);
    }
    for (const { f, i } of sums) row[i] = (row[i] as number) + Number(source[f.column] ?? 0);
  }
  const tableRows = [...byKey.values()].sort((a, b) => compareRows(a, b, groups.map((g) => g.i)));
  const identity: RowIdentity[] = tableRows.map((row) => {
    const fieldsOfRow: Record<string, Primitive> = {};
    for (const { f, i } of groups) fieldsOfRow[`Steps.${f.column}`] = row[i]!;
    return { key: JSON.stringify(fieldsOfRow), fields: fieldsOfRow };
  });
  return {
    metadata: { columns, objects },
    table: { columns, rows: tableRows, identity, identityFields: groups.map(({ f }) => `Steps.${f.column}`) },
  };
}

/** The first `count` rows of a table DataView (one `fetchMoreData` window), or rows `from..to`. */
export function sliceTable(view: DataView, from: number, to: number, more: boolean): DataView {
  const table = view.table!;
  return {
    metadata: { ...view.metadata, ...(more ? { segment: {} } : {}) },
    table: { ...table, rows: table.rows.slice(from, to), identity: table.identity.slice(from, to) },
  };
}

/** The DataView of a visual with no fields bound: Power BI then sends no data views. */
export const NO_FIELDS: DataView[] = [];

function plain(value: Primitive | undefined): Primitive | undefined {
  return value instanceof Date ? value.getTime() : value;
}

function compareRows(a: Primitive[], b: Primitive[], indices: number[]): number {
  for (const i of indices) {
    const x = plain(a[i]);
    const y = plain(b[i]);
    if (x === y) continue;
    if (x === null || x === undefined) return -1;
    if (y === null || y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

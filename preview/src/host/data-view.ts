import type { Capabilities, DataView, MetadataColumn, Primitive, RoleSelect, Row, RowIdentity } from './types';

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

type Mapping = NonNullable<Capabilities['dataViewMappings']>[number];

/**
 * A query result as Power BI holds it before shaping it into the visual's DataView: one
 * row per distinct combination of the grouping fields, summed fields added up.
 */
export interface QueryResult {
  shape: 'table' | 'categorical';
  columns: MetadataColumn[];
  rows: Primitive[][];
  /** The same values by column (`byColumn[c][r]`), for categorical windows. */
  byColumn: Primitive[][];
  identity: RowIdentity[];
  /** Indices of the grouping columns (categories of a categorical DataView). */
  groups: number[];
}

function rolesOf(select: RoleSelect | undefined): string[] {
  if (!select) return [];
  if (select.for) return [select.for.in];
  return (select.select ?? []).flatMap((s) => (s.for ? [s.for.in] : s.bind ? [s.bind.to] : []));
}

/** All roles a mapping selects, in its order (categories before values). */
export function mappingRoles(mapping: Mapping): string[] {
  const categorical = mapping.categorical as { categories?: RoleSelect; values?: RoleSelect } | undefined;
  if (categorical) return [...rolesOf(categorical.categories), ...rolesOf(categorical.values)];
  return rolesOf(mapping.table?.rows);
}

/** The first mapping whose conditions accept the bound fields, as Power BI picks it. */
export function pickMapping(capabilities: Capabilities, fields: readonly FieldBinding[]): Mapping | undefined {
  const count = (role: string) => fields.filter((f) => f.role === role).length;
  return (capabilities.dataViewMappings ?? []).find((m) => {
    const roles = mappingRoles(m);
    if (!fields.every((f) => roles.includes(f.role))) return false;
    const conditions = m.conditions ?? [];
    return (
      conditions.length === 0 ||
      conditions.some((c) => Object.entries(c).every(([role, r]) => count(role) >= (r.min ?? 0) && count(role) <= (r.max ?? Infinity)))
    );
  });
}

/** The `dataReductionAlgorithm.window.count` of a mapping, if it sets one. */
export function windowOf(mapping: Mapping | undefined): number | undefined {
  const categorical = mapping?.categorical as { categories?: RoleSelect } | undefined;
  return (categorical?.categories ?? mapping?.table?.rows)?.dataReductionAlgorithm?.window?.count;
}

/**
 * Runs the "query" Power BI would run for these bound fields over the service's rows:
 * group by the grouping fields, sum the summed ones (so finer service rows, e.g. per
 * jobcenter, fold together exactly as in a report), sorted by the grouping values.
 */
export function runQuery(capabilities: Capabilities, fields: readonly FieldBinding[], rows: readonly Row[]): QueryResult | undefined {
  const mapping = pickMapping(capabilities, fields);
  if (!mapping) return undefined;
  const order = mappingRoles(mapping);
  const bound = fields.filter((f) => order.includes(f.role)).sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  const columns: MetadataColumn[] = bound.map((f, index) => ({
    displayName: f.displayName,
    queryName: f.summed ? `Sum(Steps.${f.column})` : `Steps.${f.column}`,
    index,
    roles: { [f.role]: true },
    type: (f.kind === 'text' ? { text: true } : f.kind === 'dateTime' ? { dateTime: true } : { numeric: true, [f.kind]: true }) as Record<
      string,
      boolean
    >,
    isMeasure: f.summed,
  }));
  const groups = bound.flatMap((f, i) => (f.summed ? [] : [i]));
  const sums = bound.flatMap((f, i) => (f.summed ? [i] : []));
  const byKey = new Map<string, Primitive[]>();
  for (const source of rows) {
    const keyValues = groups.map((i) => source[bound[i]!.column] ?? null);
    const key = JSON.stringify(keyValues);
    let row = byKey.get(key);
    if (!row) {
      row = bound.map(() => null);
      groups.forEach((i, g) => (row![i] = keyValues[g]!));
      for (const i of sums) row[i] = 0;
      byKey.set(key, row);
    }
    for (const i of sums) row[i] = (row[i] as number) + Number(source[bound[i]!.column] ?? 0);
  }
  const sorted = [...byKey.values()].sort((a, b) => compareRows(a, b, groups));
  const identity = sorted.map((row) => {
    const fieldsOfRow: Record<string, Primitive> = {};
    for (const i of groups) fieldsOfRow[`Steps.${bound[i]!.column}`] = row[i]!;
    return { key: JSON.stringify(fieldsOfRow), fields: fieldsOfRow };
  });
  const byColumn = columns.map((_, c) => sorted.map((row) => row[c]!));
  return { shape: mapping.categorical ? 'categorical' : 'table', columns, rows: sorted, byColumn, identity, groups };
}

/**
 * Rows `from..to` of a query result shaped as the visual's DataView (one fetchMoreData
 * window). `highlight` (variant keys selected in another visual of the report) adds
 * Power BI's cross-highlight arrays: each value column gets `highlights`, the value for
 * rows of those variants and null for the rest.
 */
export function toDataView(
  q: QueryResult,
  from: number,
  to: number,
  more: boolean,
  objects: Record<string, Record<string, unknown>>,
  highlight?: ReadonlySet<string>,
): DataView {
  const identity = q.identity.slice(from, to);
  const metadata = { columns: q.columns, objects, ...(more ? { segment: {} } : {}) };
  if (q.shape === 'table') {
    const rows = q.rows.slice(from, to);
    return { metadata, table: { columns: q.columns, rows, identity, identityFields: q.groups.map((i) => q.columns[i]!.queryName) } };
  }
  const categories = q.groups.map((i) => ({ source: q.columns[i]!, values: q.byColumn[i]!.slice(from, to), identity }));
  const keyColumn = q.columns.findIndex((c) => c.queryName === 'Steps.variant_key');
  const keys = keyColumn >= 0 ? q.byColumn[keyColumn]!.slice(from, to) : [];
  const valueColumns = q.columns
    .filter((_, i) => !q.groups.includes(i))
    .map((source) => {
      const values = q.byColumn[source.index]!.slice(from, to);
      if (!highlight || keyColumn < 0) return { source, values };
      return { source, values, highlights: values.map((v, r) => (highlight.has(String(keys[r])) ? v : null)) };
    });
  const values = Object.assign(valueColumns, { grouped: () => [{ values: valueColumns }] });
  return { metadata, categorical: { categories, values } };
}

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

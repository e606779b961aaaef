import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { is } from 'drizzle-orm';
import { VIEWER_HIDDEN_COLUMNS, withoutHiddenColumns } from './viewer-columns';

/** The EDM type a column is served as (OData `$metadata`, JSON and CSV formatting). */
export type EdmType = 'Edm.Int64' | 'Edm.Double' | 'Edm.String' | 'Edm.DateTimeOffset' | 'Edm.Boolean';

/** One served column: its SQL name (also the OData property name) and how to read it. */
export interface ColumnInfo {
  name: string;
  edm: EdmType;
  nullable: boolean;
  /** Seconds per stored unit for date-time columns: 1/1000 for ms, 1 for seconds. */
  timeUnitMs: number;
}

/** Who may read a table. `analyst`: case-level data, analyst and admin tokens only; `admin`: figures per caseworker. */
export type TableAccess = 'all' | 'analyst' | 'admin';

/**
 * How a table is limited for a token restricted to jobcenters: `jobcenter` filters on the
 * table's jobcenter column; `none` serves it whole (it holds no counts: `logs`); `deny`
 * refuses it, since its rows add up all jobcenters (`loads`, `quarantine`).
 */
export type JobcenterScoping = 'jobcenter' | 'none' | 'deny';

/** A model table as the HTTP layer serves it (OData entity set, CSV, REST). */
export interface TableInfo {
  /** SQL table name, e.g. `steps`. */
  sqlName: string;
  /** PascalCase entity set name, e.g. `Steps`. */
  entitySet: string;
  /** Entity type name, e.g. `Step`. */
  entityType: string;
  columns: ColumnInfo[];
  /** Key columns (one for keyset paging; several when the table has a composite key). */
  key: string[];
  /** The column that names the jobcenter of a row, or null when the table has none. */
  jobcenterColumn: string | null;
  access: TableAccess;
  scoping: JobcenterScoping;
  /**
   * The viewer-grade form of the table (`viewer_<name>`, every row at least k cases), served to
   * viewer tokens under the same entity set name; null when the table has none.
   */
  viewerForm: TableInfo | null;
}

/** Tables never served over HTTP as tables (secrets and the audit trail). */
export const HIDDEN_TABLES = new Set([
  'tokens',
  'audit',
  '__drizzle_migrations',
  'viewer_builds',
  'attached_models',
  // versions (issue 13): kept earlier versions and upload jobs are not served as tables
  'log_versions',
  'version_events',
  'version_cases',
  'jobs',
]);

/** Prefix of the viewer-grade form of a table (see `db/tables/viewer.ts`). */
export const VIEWER_PREFIX = 'viewer_';

/**
 * Tables served to viewer tokens as they are, without a viewer-grade form: they hold no counts
 * of groups of cases (`logs`, `conformance_models`, the rule definitions `rules` and
 * `rule_catalogues`). Every other table that viewers may read must declare a viewer-grade form
 * (`loads` and `findings`: without their figures, see `viewer-columns.ts`); until then viewers are
 * refused it.
 */
export const VIEWER_AS_IS_TABLES = new Set(['logs', 'conformance_models', 'rules', 'rule_catalogues']);
/** Tables without a jobcenter column that hold no counts, served whole to every token. */
export const UNSCOPED_SAFE_TABLES = new Set(['logs', 'conformance_models', 'rules', 'rule_catalogues']);
/** Case-level tables: analyst and admin tokens only. */
export const CASE_LEVEL_TABLES = new Set(['cases', 'quarantine', 'events', 'conformance_cases', 'finding_cases', 'case_compliance']);
/**
 * Tables with figures per caseworker (`events.resource`: every event names its caseworker's
 * pseudonym): admin tokens only. Management supervision reads `teams` (at least k caseworkers
 * and k cases per row).
 */
export const PER_CASEWORKER_TABLES = new Set(['events']);

function edmOf(columnType: string, mode: unknown): { edm: EdmType; timeUnitMs: number } {
  switch (columnType) {
    case 'SQLiteInteger':
    case 'SQLiteBigInt':
    case 'SQLiteNumericBigInt':
      return { edm: 'Edm.Int64', timeUnitMs: 1 };
    case 'SQLiteTimestamp':
      return { edm: 'Edm.DateTimeOffset', timeUnitMs: mode === 'timestamp' ? 1000 : 1 };
    case 'SQLiteBoolean':
      return { edm: 'Edm.Boolean', timeUnitMs: 1 };
    case 'SQLiteReal':
    case 'SQLiteNumeric':
    case 'SQLiteNumericNumber':
      return { edm: 'Edm.Double', timeUnitMs: 1 };
    default:
      return { edm: 'Edm.String', timeUnitMs: 1 };
  }
}

function pascal(sqlName: string): string {
  return sqlName
    .split(/[_\s-]+/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

function singular(name: string): string {
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  if (name.endsWith('s') && !name.endsWith('ss')) return name.slice(0, -1);
  return `${name}Row`;
}

/** Describes one drizzle table for serving; see `TableInfo`. */
export function describeTable(table: SQLiteTable): TableInfo {
  const config = getTableConfig(table);
  const columns: ColumnInfo[] = config.columns.map((c) => {
    const { edm, timeUnitMs } = edmOf(c.columnType, (c as unknown as { mode?: unknown }).mode);
    return { name: c.name, edm, nullable: !c.notNull, timeUnitMs };
  });
  let key = config.columns.filter((c) => c.primary).map((c) => c.name);
  if (key.length === 0 && config.primaryKeys[0]) key = config.primaryKeys[0].columns.map((c) => c.name);
  if (key.length === 0) key = columns.map((c) => c.name);
  const entitySet = pascal(config.name);
  const jobcenter = columns.find((c) => c.name === 'jobcenter' && c.edm === 'Edm.String');
  const jobcenterColumn = jobcenter?.name ?? null;
  return {
    sqlName: config.name,
    entitySet,
    entityType: singular(entitySet),
    columns,
    key,
    jobcenterColumn,
    access: PER_CASEWORKER_TABLES.has(config.name) ? 'admin' : CASE_LEVEL_TABLES.has(config.name) ? 'analyst' : 'all',
    scoping: jobcenterColumn !== null ? 'jobcenter' : UNSCOPED_SAFE_TABLES.has(config.name) ? 'none' : 'deny',
    viewerForm: null,
  };
}

/**
 * The servable tables among a schema module's exports (every drizzle SQLite table except
 * tokens and audit), keyed by entity set name. A `viewer_<name>` table becomes the viewer form
 * of `<name>` (same entity set name and type) instead of an entity set of its own.
 */
export function describeSchema(schema: Record<string, unknown>): Map<string, TableInfo> {
  const out = new Map<string, TableInfo>();
  const viewerForms: TableInfo[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, SQLiteTable)) continue;
    const info = describeTable(value);
    if (HIDDEN_TABLES.has(info.sqlName)) continue;
    if (info.sqlName.startsWith(VIEWER_PREFIX)) viewerForms.push(info);
    else out.set(info.entitySet, info);
  }
  for (const form of viewerForms) {
    const exact = [...out.values()].find((t) => t.sqlName === form.sqlName.slice(VIEWER_PREFIX.length));
    if (exact)
      exact.viewerForm = { ...form, entitySet: exact.entitySet, entityType: exact.entityType, access: 'all', scoping: exact.scoping };
  }
  for (const table of out.values()) {
    const hidden = VIEWER_HIDDEN_COLUMNS.get(table.sqlName);
    if (hidden) table.viewerForm = withoutHiddenColumns(table, hidden);
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

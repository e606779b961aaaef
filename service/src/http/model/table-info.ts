import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { is } from 'drizzle-orm';

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

/** Who may read a table. `analyst`: case-level data, analyst and admin tokens only. */
export type TableAccess = 'all' | 'analyst';

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
}

/** Tables never served over HTTP as tables (secrets and the audit trail). */
export const HIDDEN_TABLES = new Set(['tokens', 'audit', '__drizzle_migrations']);
/** Tables without a jobcenter column that hold no counts, served whole to every token. */
export const UNSCOPED_SAFE_TABLES = new Set(['logs', 'conformance_models', 'rules', 'rule_catalogues']);
/** Case-level tables: analyst and admin tokens only. */
export const CASE_LEVEL_TABLES = new Set(['cases', 'quarantine', 'events', 'conformance_cases', 'finding_cases', 'case_compliance']);

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
    access: CASE_LEVEL_TABLES.has(config.name) ? 'analyst' : 'all',
    scoping: jobcenterColumn !== null ? 'jobcenter' : UNSCOPED_SAFE_TABLES.has(config.name) ? 'none' : 'deny',
  };
}

/**
 * The servable tables among a schema module's exports (every drizzle SQLite table except
 * tokens and audit), keyed by entity set name.
 */
export function describeSchema(schema: Record<string, unknown>): Map<string, TableInfo> {
  const out = new Map<string, TableInfo>();
  for (const value of Object.values(schema)) {
    if (!is(value, SQLiteTable)) continue;
    const info = describeTable(value);
    if (HIDDEN_TABLES.has(info.sqlName)) continue;
    out.set(info.entitySet, info);
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

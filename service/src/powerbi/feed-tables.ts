import * as storeTables from '../db/tables/store';
import { describeSchema, VIEWER_AS_IS_TABLES, type ColumnInfo, type TableInfo } from '../http/model/table-info';

/** The compliance table of the rule engine, recognised by its columns. */
export interface ComplianceTable {
  table: TableInfo;
  ruleColumn: string;
  statusColumn: string;
  countColumn: string;
}

/** The feed tables a Power BI project loads, and the ones its pages and measures use. */
export interface FeedSelection {
  /** Every loaded entity set, sorted by name. */
  tables: TableInfo[];
  steps: TableInfo;
  cases: TableInfo | undefined;
  periods: TableInfo | undefined;
  compliance: ComplianceTable | undefined;
  findings: TableInfo | undefined;
}

/** Options of `selectFeedTables`. */
export interface SelectFeedOptions {
  /**
   * Load case-level tables (Cases, per-case results) and the tables viewers read without some
   * columns (findings): the refresh then needs an analyst token.
   */
  caseLevel: boolean;
}

/** The store's own tables (logs, loads, events, quarantine): operational, not part of the report model. */
const STORE_TABLES = new Set([...describeSchema(storeTables).values()].map((t) => t.sqlName));

const STEPS_COLUMNS = [
  'jobcenter',
  'period',
  'process',
  'variant_key',
  'step_index',
  'from_activity',
  'to_activity',
  'cases',
  'sum_seconds',
];

/** The column of `table` called `name`, if any. */
export function columnOf(table: TableInfo, name: string): ColumnInfo | undefined {
  return table.columns.find((c) => c.name === name);
}

function firstColumn(table: TableInfo, names: readonly string[]): string | undefined {
  return names.find((n) => columnOf(table, n) !== undefined);
}

/** Names the rule engine's compliance tables go by (`RuleCompliance`, `Compliance...`), never the findings table. */
const COMPLIANCE_NAME = /^rule|compliance/i;
const FINDINGS_NAME = /finding/i;

function complianceShape(table: TableInfo): ComplianceTable | undefined {
  if (!COMPLIANCE_NAME.test(table.entitySet) || FINDINGS_NAME.test(table.entitySet)) return undefined;
  const ruleColumn = firstColumn(table, ['rule', 'rule_id']);
  const statusColumn = firstColumn(table, ['status']);
  const countColumn = firstColumn(table, ['cases', 'count']);
  if (!ruleColumn || !statusColumn || !countColumn || table.access !== 'all') return undefined;
  return { table, ruleColumn, statusColumn, countColumn };
}

/** True when viewers read the table in a form with all its columns (findings lose their figures: the pages need them). */
function hasWholeViewerForm(table: TableInfo): boolean {
  return table.viewerForm !== null && table.viewerForm.columns.length === table.columns.length;
}

/**
 * Chooses the feed tables of the Power BI model from the service's table registry (the same
 * registry that writes `$metadata`): every served table except the store's operational ones,
 * and without case-level tables and tables viewers read only in part (findings) unless `caseLevel`. Recognises the tables the pages use:
 * `Steps` (required), `Cases`, `Periods`, the compliance table (named `Rule...` or
 * `...Compliance...`, with rule, status and count columns) and the findings table.
 *
 * @example
 * const feed = selectFeedTables(describeSchema(schema), { caseLevel: true });
 */
export function selectFeedTables(registry: ReadonlyMap<string, TableInfo>, options: SelectFeedOptions): FeedSelection {
  const tables = [...registry.values()]
    .filter((t) => !STORE_TABLES.has(t.sqlName))
    .filter((t) => options.caseLevel || (t.access === 'all' && (VIEWER_AS_IS_TABLES.has(t.sqlName) || hasWholeViewerForm(t))))
    .sort((a, b) => a.entitySet.localeCompare(b.entitySet));
  const steps = tables.find((t) => t.entitySet === 'Steps');
  if (!steps) throw new Error('powerbi: the feed has no Steps table; the process map needs it');
  const missing = STEPS_COLUMNS.filter((c) => !columnOf(steps, c));
  if (missing.length > 0) throw new Error(`powerbi: the Steps table lacks the column(s) ${missing.join(', ')}`);
  const compliance = tables.map(complianceShape).find((c) => c !== undefined);
  return {
    tables,
    steps,
    cases: tables.find((t) => t.entitySet === 'Cases' && columnOf(t, 'variant_key')),
    periods: tables.find((t) => t.entitySet === 'Periods' && columnOf(t, 'cases') && columnOf(t, 'open_cases')),
    compliance,
    findings: tables.find((t) => FINDINGS_NAME.test(t.entitySet) && t.access === 'all'),
  };
}

import type Database from 'better-sqlite3';
import { and, eq, getTableColumns } from 'drizzle-orm';
import type { SagsflowDb } from './client';
import { logs, ruleCatalogues, rules, type RuleDbRow } from './schema';
import { inList, quoteIdent, type SqlFragment } from './sql/fragment';

/** Summed compliance counts of one (rule, jobcenter, status) of the filtered rows of a compliance table. */
export interface ComplianceCell {
  rule: string;
  jobcenter: string;
  status: string;
  cases: number;
  late: number;
}

/** The month and rule filters of a compliance read. */
export interface ComplianceSlice {
  /** `YYYY-MM` months to keep (none: all). */
  months: readonly string[];
  from?: string | undefined;
  to?: string | undefined;
  /** Rule ids to keep (none: all). */
  rules: readonly string[];
}

/** The conditions of a month and rule slice over the `month` and `rule` columns of a compliance table. */
export function complianceSliceConditions(slice: ComplianceSlice): SqlFragment[] {
  const out: SqlFragment[] = [];
  if (slice.months.length > 0) out.push(inList('month', slice.months));
  if (slice.from) out.push({ sql: '"month" >= ?', params: [slice.from] });
  if (slice.to) out.push({ sql: '"month" <= ?', params: [slice.to] });
  if (slice.rules.length > 0) out.push(inList('rule', slice.rules));
  return out;
}

/** The filtered rows of `table` (`compliance` or `viewer_compliance`) summed per rule, jobcenter and status. */
export function complianceCells(sqlite: Database.Database, table: string, where: SqlFragment): ComplianceCell[] {
  return sqlite
    .prepare(
      `SELECT rule, jobcenter, status, sum(cases) AS cases, sum(sum_days_late) AS late FROM ${quoteIdent(table)}${where.sql}` +
        ' GROUP BY rule, jobcenter, status ORDER BY rule, jobcenter',
    )
    .all(...where.params) as ComplianceCell[];
}

/** The rule catalogue attached to a log's current version, or undefined. */
export function currentRuleCatalogue(
  db: SagsflowDb,
  log: string,
): { catalogue: string; process: string | null; asOf: string | null } | undefined {
  return db
    .select({ catalogue: ruleCatalogues.catalogue, process: ruleCatalogues.process, asOf: ruleCatalogues.asOf })
    .from(ruleCatalogues)
    .innerJoin(logs, and(eq(logs.name, ruleCatalogues.log), eq(logs.currentVersion, ruleCatalogues.version)))
    .where(eq(ruleCatalogues.log, log))
    .get();
}

/** The rules of the catalogue attached to a log's current version, in catalogue order. */
export function currentRules(db: SagsflowDb, log: string): RuleDbRow[] {
  return db
    .select(getTableColumns(rules))
    .from(rules)
    .innerJoin(logs, and(eq(logs.name, rules.log), eq(logs.currentVersion, rules.version)))
    .where(eq(rules.log, log))
    .orderBy(rules.id)
    .all();
}

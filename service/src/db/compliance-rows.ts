import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import { drizzleOf } from './connection';
import { caseCompliance, compliance, ruleCatalogues, rules, viewerCompliance, type CaseComplianceDbRow } from './schema';
import { tableInserter, type VersionTarget } from './table-inserter';

/**
 * The rows precompute writes into the rule compliance tables of one (log, version), and the
 * rows it reads back from them to build their viewer-grade form. The routes' reads are in
 * `compliance-queries.ts`.
 */

/** The tables a version's rule compliance is written into (the viewer-grade one is built from them). */
export const COMPLIANCE_TABLES = ['rule_catalogues', 'rules', 'compliance', 'case_compliance'] as const;

/** Stores the catalogue a version was checked against (its id, process, as-of date and YAML text). */
export function insertRuleCatalogue(sqlite: Database.Database, row: Omit<typeof ruleCatalogues.$inferInsert, 'id'>): void {
  drizzleOf(sqlite).insert(ruleCatalogues).values(row).run();
}

/** An inserter of the catalogue's rules: (catalogue, rule, titles, source, basis, kind, share, valid from, valid to). */
export function rulesInserter(sqlite: Database.Database, target: VersionTarget) {
  return tableInserter(
    sqlite,
    rules,
    ['catalogue', 'rule', 'titleDa', 'titleEn', 'source', 'basis', 'kind', 'share', 'validFrom', 'validTo'],
    target,
  );
}

/** An inserter of per-case results: (process, jobcenter, month, case id, rule, status, days late). */
export function caseComplianceInserter(sqlite: Database.Database, target: VersionTarget) {
  return tableInserter(sqlite, caseCompliance, ['process', 'jobcenter', 'month', 'caseId', 'rule', 'status', 'daysLate'], target);
}

/**
 * An inserter of compliance counts into `compliance` (`grade` 'exact') or `viewer_compliance`
 * ('viewer'): (process, jobcenter, month, rule, status, cases, sum of days late).
 */
export function complianceInserter(sqlite: Database.Database, grade: 'exact' | 'viewer', target: VersionTarget) {
  const table = grade === 'exact' ? compliance : viewerCompliance;
  return tableInserter(sqlite, table, ['process', 'jobcenter', 'month', 'rule', 'status', 'cases', 'sumDaysLate'], target);
}

/** The (process, rule) pairs a version's compliance counts hold, by rule. */
export function checkedRules(sqlite: Database.Database, target: VersionTarget): { process: string; rule: string }[] {
  return drizzleOf(sqlite)
    .selectDistinct({ process: compliance.process, rule: compliance.rule })
    .from(compliance)
    .where(and(eq(compliance.log, target.log), eq(compliance.version, target.version)))
    .orderBy(compliance.rule)
    .all();
}

/** A per-case result as the viewer-grade builder reads it. */
export type CaseResult = Pick<CaseComplianceDbRow, 'caseId' | 'rule' | 'status' | 'daysLate'>;

/** A version's per-case results, streamed (raw SQL: the table holds a row per case and rule). */
export function caseResults(sqlite: Database.Database, target: VersionTarget): Iterable<CaseResult> {
  return sqlite
    .prepare('SELECT case_id AS caseId, rule, status, days_late AS daysLate FROM case_compliance WHERE log = ? AND version = ?')
    .iterate(target.log, target.version) as Iterable<CaseResult>;
}

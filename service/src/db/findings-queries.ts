import type Database from 'better-sqlite3';
import type { FindingDbRow } from './tables/findings';

/** A finding as read back: the stored row with its evidence parsed. */
export type StoredFinding = Omit<FindingDbRow, 'evidence'> & { evidence: Record<string, string | number | boolean | null> };

/** Which findings to read. */
export interface FindingsQuery {
  log: string;
  /** '' = the findings of all jobcenters; a jobcenter name = those computed on its cases. */
  scope: string;
  /** Leave out findings on fewer cases than this. */
  minGroupSize: number;
  /** Leave out resolved findings. */
  openOnly?: boolean;
}

const ORDER = `CASE kind WHEN 'bottleneck' THEN 0 WHEN 'rule-violation' THEN 1 WHEN 'model-deviation' THEN 2 WHEN 'automation-candidate' THEN 3 ELSE 4 END`;

/** The findings of the current version of a log in one scope, kinds in order, each by rank; resolved ones last. */
export function readFindings(sqlite: Database.Database, q: FindingsQuery): StoredFinding[] {
  const rows = sqlite
    .prepare(
      `SELECT f.id, f.log, f.version, f.process, f.jobcenter, f.finding_id AS findingId, f.kind, f.rank, f.status, f.first_version AS firstVersion,
        f.activity, f.from_activity AS fromActivity, f.to_activity AS toActivity, f.rule, f.cases, f.value_dkk AS valueDkk, f.evidence,
        f.summary_en AS summaryEn, f.summary_da AS summaryDa
       FROM findings f JOIN logs l ON l.name = f.log AND l.current_version = f.version
       WHERE f.log = ? AND f.jobcenter = ? AND f.cases >= ?${q.openOnly ? ` AND f.status <> 'resolved'` : ''}
       ORDER BY f.status = 'resolved', f.process, ${ORDER}, f.rank`,
    )
    .all(q.log, q.scope, q.minGroupSize) as FindingDbRow[];
  return rows.map((r) => ({ ...r, evidence: JSON.parse(r.evidence) as StoredFinding['evidence'] }));
}

/** The case ids behind one finding (case level: analysts only). */
export function readFindingCases(sqlite: Database.Database, log: string, findingId: string): string[] {
  return sqlite
    .prepare('SELECT case_id FROM finding_cases WHERE log = ? AND finding_id = ? ORDER BY id')
    .pluck()
    .all(log, findingId) as string[];
}

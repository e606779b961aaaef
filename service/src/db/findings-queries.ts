import type Database from 'better-sqlite3';
import type { FindingCaseDbRow, FindingDbRow } from './tables/findings';
import { quoteIdent } from './sql/fragment';

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

/** A finding row as precompute writes it (without the row id). */
export type NewFindingRow = Omit<FindingDbRow, 'id'>;

const FINDING_FIELDS =
  'id, log, version, process, jobcenter, finding_id AS findingId, kind, rank, status, first_version AS firstVersion, activity,' +
  ' from_activity AS fromActivity, to_activity AS toActivity, rule, cases, value_dkk AS valueDkk, evidence, summary_en AS summaryEn, summary_da AS summaryDa';

/** The findings of a log's earlier versions that were not resolved (what a new version's findings are compared with). */
export function unresolvedFindingsBefore(sqlite: Database.Database, log: string, version: number): FindingDbRow[] {
  return sqlite
    .prepare(`SELECT ${FINDING_FIELDS} FROM findings WHERE log = ? AND version < ? AND status <> 'resolved'`)
    .all(log, version) as FindingDbRow[];
}

/** Writers of finding rows and of the cases behind them, prepared once for a load. */
export function createFindingWriter(sqlite: Database.Database): {
  finding(row: NewFindingRow): void;
  findingCase(row: Omit<FindingCaseDbRow, 'id'>): void;
} {
  const insert = sqlite.prepare(
    `INSERT INTO findings (log, version, process, jobcenter, finding_id, kind, rank, status, first_version, activity, from_activity, to_activity, rule, cases, value_dkk, evidence, summary_en, summary_da)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCase = sqlite.prepare(
    'INSERT INTO finding_cases (log, version, process, jobcenter, finding_id, case_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return {
    finding: (r) =>
      insert.run(
        r.log,
        r.version,
        r.process,
        r.jobcenter,
        r.findingId,
        r.kind,
        r.rank,
        r.status,
        r.firstVersion,
        r.activity,
        r.fromActivity,
        r.toActivity,
        r.rule,
        r.cases,
        r.valueDkk,
        r.evidence,
        r.summaryEn,
        r.summaryDa,
      ),
    findingCase: (r) => insertCase.run(r.log, r.version, r.process, r.jobcenter, r.findingId, r.caseId),
  };
}

/** Deletes the findings of every version of a log but `version`. */
export function deleteFindingsOfOtherVersions(sqlite: Database.Database, log: string, version: number): void {
  sqlite.prepare('DELETE FROM findings WHERE log = ? AND version <> ?').run(log, version);
}

/** A finding as the step tables list it. */
export type StepListedFinding = Pick<
  FindingDbRow,
  | 'process'
  | 'jobcenter'
  | 'findingId'
  | 'kind'
  | 'rank'
  | 'activity'
  | 'fromActivity'
  | 'toActivity'
  | 'rule'
  | 'valueDkk'
  | 'summaryDa'
  | 'summaryEn'
>;

/**
 * The kinds of findings in the order the step tables list them; any other kind (automation
 * candidates) comes after them.
 */
export const STEP_LIST_KINDS: readonly string[] = ['bottleneck', 'rule-violation', 'model-deviation', 'best-practice'];

/** `STEP_LIST_KINDS` as an SQL expression of the `kind` column: its rank in that order. */
const KIND_RANK_SQL = `CASE kind ${STEP_LIST_KINDS.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} ELSE ${STEP_LIST_KINDS.length} END`;

/**
 * The unresolved findings of a log's version in the order the step tables list them: by kind
 * (`STEP_LIST_KINDS`, then automation), then most valuable first.
 */
export function findingsForSteps(sqlite: Database.Database, log: string, version: number): StepListedFinding[] {
  return sqlite
    .prepare(
      `SELECT process, jobcenter, finding_id AS findingId, kind, rank, activity, from_activity AS fromActivity, to_activity AS toActivity, rule,
        value_dkk AS valueDkk, summary_da AS summaryDa, summary_en AS summaryEn
       FROM findings WHERE log = ? AND version = ? AND status <> 'resolved'
       ORDER BY ${KIND_RANK_SQL},
                value_dkk DESC, rank, finding_id`,
    )
    .all(log, version) as StepListedFinding[];
}

/** Separates the texts of one group in `stepPairs` (never in JSON text, which escapes control characters). */
export const GROUP_SEPARATOR = '\u0001';

/** One step (from → to) of a variant in a (process, jobcenter), over all its periods, as `writeStepFindings` reads it. */
export interface StepPairRow {
  process: string;
  jobcenter: string;
  variantKey: string;
  fromActivity: string;
  toActivity: string;
  /** The ids of its rows that are step 0 of their variant, comma-separated; null when none. */
  firstIds: string | null;
  /** The ids of its rows that list findings now, comma-separated; null when none. */
  listedIds: string | null;
  /** The `violated_rules` texts of its rows, joined by `GROUP_SEPARATOR`; null when none. */
  violatedRules: string | null;
  /** The `skipped_activities` texts of its rows, joined by `GROUP_SEPARATOR`; null when none. */
  skippedActivities: string | null;
}

/** The step tables that list findings. */
export type StepTable = 'steps' | 'viewer_steps';

/**
 * The steps of a log version's step table (`steps` or `viewer_steps`) grouped per (process,
 * jobcenter, variant, from, to), set-based: SQLite scans the wide rows and returns one row per
 * group (periods folded), with what findings are matched on.
 */
export function stepPairs(sqlite: Database.Database, table: StepTable, log: string, version: number): StepPairRow[] {
  return sqlite
    .prepare(
      `SELECT process, jobcenter, variant_key AS variantKey, from_activity AS fromActivity, to_activity AS toActivity,
        group_concat(CASE WHEN step_index = 0 THEN id END) AS firstIds, group_concat(CASE WHEN findings IS NOT NULL THEN id END) AS listedIds,
        group_concat(violated_rules, char(1)) AS violatedRules, group_concat(skipped_activities, char(1)) AS skippedActivities
       FROM ${quoteIdent(table)} WHERE log = ? AND version = ? GROUP BY process, jobcenter, variant_key, from_activity, to_activity`,
    )
    .all(log, version) as StepPairRow[];
}

/**
 * Sets the `findings` column (a JSON text, or null) of step rows by id. Many rows share a text (a
 * variant's rows in every period): each distinct text is encoded to UTF-8 once and bound as those
 * bytes (cast to text: the same stored value).
 */
export function setStepFindings(
  sqlite: Database.Database,
  table: StepTable,
  updates: readonly (readonly [text: string | null, id: number])[],
): void {
  const update = sqlite.prepare(`UPDATE ${quoteIdent(table)} SET findings = CAST(? AS TEXT) WHERE id = ?`);
  const bytes = new Map<string, Buffer>();
  for (const [text, id] of updates) {
    if (text === null) {
      update.run(null, id);
      continue;
    }
    let b = bytes.get(text);
    if (b === undefined) bytes.set(text, (b = Buffer.from(text, 'utf8')));
    update.run(b, id);
  }
}

/** Per process and case id: 1 = broke a rule, 0 = complied with every rule that applied (from `case_compliance`). */
export function caseVerdictRows(
  sqlite: Database.Database,
  log: string,
  version: number,
): { process: string; id: string; violated: 0 | 1 }[] {
  return sqlite
    .prepare(
      `SELECT process, case_id AS id, max(status = 'violated') AS violated FROM case_compliance
       WHERE log = ? AND version = ? AND status IN ('fulfilled', 'violated') GROUP BY process, case_id`,
    )
    .all(log, version) as { process: string; id: string; violated: 0 | 1 }[];
}

/** Per process, rule and jobcenter: the cases checked (fulfilled + violated) and those that broke the rule, in that order. */
export function ruleCounts(
  sqlite: Database.Database,
  log: string,
  version: number,
): { process: string; rule: string; jobcenter: string; checked: number; violated: number }[] {
  return sqlite
    .prepare(
      `SELECT process, rule, jobcenter, sum(CASE WHEN status IN ('fulfilled', 'violated') THEN cases ELSE 0 END) AS checked,
        sum(CASE WHEN status = 'violated' THEN cases ELSE 0 END) AS violated
       FROM compliance WHERE log = ? AND version = ? GROUP BY process, rule, jobcenter ORDER BY process, rule, jobcenter`,
    )
    .all(log, version) as { process: string; rule: string; jobcenter: string; checked: number; violated: number }[];
}

/** The Danish and English titles of a log version's rules. */
export function ruleTitles(sqlite: Database.Database, log: string, version: number): { rule: string; da: string; en: string }[] {
  return sqlite.prepare('SELECT rule, title_da AS da, title_en AS en FROM rules WHERE log = ? AND version = ?').all(log, version) as {
    rule: string;
    da: string;
    en: string;
  }[];
}

/** A reader of the first `limit` cases (in stored order) of a jobcenter that broke a rule, prepared once. */
export function violatedCasesReader(
  sqlite: Database.Database,
  limit: number,
): (log: string, version: number, process: string, jobcenter: string, rule: string) => string[] {
  const stmt = sqlite
    .prepare(
      `SELECT case_id FROM case_compliance WHERE log = ? AND version = ? AND process = ? AND jobcenter = ? AND rule = ? AND status = 'violated' ORDER BY id LIMIT ?`,
    )
    .pluck();
  return (log, version, process, jobcenter, rule) => stmt.all(log, version, process, jobcenter, rule, limit) as string[];
}

/** Per process and jobcenter: the cases aligned with the attached model (none when no model was attached). */
export function alignedCases(sqlite: Database.Database, log: string, version: number): { process: string; jobcenter: string; n: number }[] {
  return sqlite
    .prepare(
      'SELECT process, jobcenter, sum(aligned_cases) AS n FROM conformance_variants WHERE log = ? AND version = ? GROUP BY process, jobcenter',
    )
    .all(log, version) as { process: string; jobcenter: string; n: number }[];
}

/** Per process, jobcenter and activity: cases that skipped a step the model requires, and cases with an event it has no place for. */
export function activityMoves(
  sqlite: Database.Database,
  log: string,
  version: number,
): { process: string; jobcenter: string; activity: string; skipped: number; inserted: number }[] {
  return sqlite
    .prepare(
      `SELECT process, jobcenter, activity, sum(model_move_cases) AS skipped, sum(log_move_cases) AS inserted FROM conformance_activities
       WHERE log = ? AND version = ? GROUP BY process, jobcenter, activity ORDER BY process, jobcenter, activity`,
    )
    .all(log, version) as { process: string; jobcenter: string; activity: string; skipped: number; inserted: number }[];
}

/** The fitness of every aligned case of a log version (null where it could not be aligned), in stored order. */
export function caseFitness(
  sqlite: Database.Database,
  log: string,
  version: number,
): { process: string; jobcenter: string; id: string; fitness: number | null }[] {
  return sqlite
    .prepare('SELECT process, jobcenter, case_id AS id, fitness FROM conformance_cases WHERE log = ? AND version = ?')
    .all(log, version) as { process: string; jobcenter: string; id: string; fitness: number | null }[];
}

import type Database from 'better-sqlite3';
import { quoteIdent } from './sql/fragment';

/**
 * Removal of whole cases (erasure, retention) through a temporary set `temp.remove_cases
 * (log, case_id)`: mark the cases, read what is marked, count or delete their rows.
 */

/** Tables with one row per case (or per case and rule/finding), keyed by `log` and `case_id`. */
export const CASE_LEVEL_TABLES = [
  'events',
  'cases',
  'case_compliance',
  'conformance_cases',
  'finding_cases',
  // versions (issue 13): the kept earlier versions
  'version_events',
  'version_cases',
] as const;

/** Creates the connection's (temporary) set of cases to remove, when it does not exist yet. */
export function createRemovalSet(sqlite: Database.Database): void {
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS remove_cases (log TEXT NOT NULL, case_id TEXT NOT NULL, PRIMARY KEY (log, case_id))');
}

/** Empties the set of cases to remove. */
export function clearRemovalSet(sqlite: Database.Database): void {
  sqlite.exec('DELETE FROM temp.remove_cases');
}

/**
 * Marks for removal every case of every log and version that holds `pseudonym`: as case id
 * only (`caseIdOnly`), or also as resource or inside the event or case attributes.
 */
export function markCasesHolding(sqlite: Database.Database, pseudonym: string, caseIdOnly: boolean): void {
  const sql = caseIdOnly
    ? `INSERT OR IGNORE INTO temp.remove_cases (log, case_id) SELECT log, case_id FROM events WHERE case_id = @p
       UNION SELECT log, case_id FROM cases WHERE case_id = @p UNION SELECT log, case_id FROM version_events WHERE case_id = @p`
    : `INSERT OR IGNORE INTO temp.remove_cases (log, case_id)
       SELECT log, case_id FROM events WHERE case_id = @p OR resource = @p OR instr(attributes, @p) > 0
       UNION SELECT log, case_id FROM cases WHERE case_id = @p OR instr(attributes, @p) > 0
       UNION SELECT log, case_id FROM version_events WHERE case_id = @p OR resource = @p OR instr(attributes, @p) > 0
       UNION SELECT log, case_id FROM version_cases WHERE case_id = @p OR instr(attributes, @p) > 0`;
  sqlite.prepare(sql).run({ p: pseudonym });
}

/**
 * Marks for removal the cases of `log` whose last event (latest start or end time, over the
 * current version and the kept earlier ones) is before `cutoff` (epoch ms).
 */
export function markCasesEndedBefore(sqlite: Database.Database, log: string, cutoff: number): void {
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO temp.remove_cases (log, case_id)
       SELECT log, case_id FROM (SELECT log, case_id, timestamp, end_timestamp FROM events WHERE log = ?
         UNION ALL SELECT log, case_id, timestamp, end_timestamp FROM version_events WHERE log = ?) GROUP BY case_id
       HAVING max(max(timestamp, coalesce(end_timestamp, timestamp))) < ?`,
    )
    .run(log, log, cutoff);
}

/** The marked cases: how many, their logs (sorted) and their case ids. */
export function markedCases(sqlite: Database.Database): { cases: number; logs: string[]; caseIds: string[] } {
  return {
    cases: sqlite.prepare('SELECT count(*) FROM temp.remove_cases').pluck().get() as number,
    logs: sqlite.prepare('SELECT DISTINCT log FROM temp.remove_cases ORDER BY log').pluck().all() as string[],
    caseIds: sqlite.prepare('SELECT case_id FROM temp.remove_cases').pluck().all() as string[],
  };
}

/** Deletes (or with `dryRun` counts) the rows of the marked cases in every case-level table; rows per table. */
export function deleteMarkedCases(sqlite: Database.Database, dryRun: boolean): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const table of CASE_LEVEL_TABLES) {
    const where = `${quoteIdent(table)} WHERE (log, case_id) IN (SELECT log, case_id FROM temp.remove_cases)`;
    rows[table] = dryRun
      ? (sqlite.prepare(`SELECT count(*) FROM ${where}`).pluck().get() as number)
      : sqlite.prepare(`DELETE FROM ${where}`).run().changes;
  }
  return rows;
}

/** Deletes (or with `dryRun` counts) the quarantine rows whose raw record contains one of `mentions`. */
export function deleteQuarantineMentioning(sqlite: Database.Database, mentions: readonly string[], dryRun: boolean): number {
  if (dryRun) {
    const ids = sqlite.prepare('SELECT id FROM quarantine WHERE instr(raw, ?) > 0').pluck();
    const seen = new Set<number>();
    for (const m of mentions) for (const id of ids.all(m) as number[]) seen.add(id);
    return seen.size;
  }
  const remove = sqlite.prepare('DELETE FROM quarantine WHERE instr(raw, ?) > 0');
  let deleted = 0;
  for (const m of mentions) deleted += remove.run(m).changes;
  return deleted;
}

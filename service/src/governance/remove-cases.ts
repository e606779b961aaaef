import type Database from 'better-sqlite3';
import { reprecomputeLog } from '../precompute/index';
import { rebuildSummaries } from './rebuild-summaries';

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

/** What a removal of cases did: counts only, never values. */
export interface RemovedCases {
  /** Cases removed, over all logs. */
  cases: number;
  /** Rows deleted per table (the case-level tables and `quarantine`). */
  rows: Record<string, number>;
  /** Logs whose model tables were rebuilt. */
  logs: string[];
}

/**
 * Removes the cases that `select` puts into `temp.remove_cases (log, case_id)` from every
 * case-level table and the quarantine rows that mention them (or one of `mentions`), then
 * rebuilds the model tables and the summary tables (compliance, conformance, findings, teams)
 * of the affected logs from the remaining events, all in one transaction. With `dryRun` it only counts the cases and rows and changes nothing.
 */
export function removeCases(
  sqlite: Database.Database,
  select: () => void,
  options: { mentions?: readonly string[]; dryRun?: boolean } = {},
): RemovedCases {
  const rows: Record<string, number> = {};
  let cases = 0;
  let logs: string[] = [];
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS remove_cases (log TEXT NOT NULL, case_id TEXT NOT NULL, PRIMARY KEY (log, case_id))');
  const run = sqlite.transaction(() => {
    sqlite.exec('DELETE FROM temp.remove_cases');
    select();
    cases = sqlite.prepare('SELECT count(*) FROM temp.remove_cases').pluck().get() as number;
    logs = sqlite.prepare('SELECT DISTINCT log FROM temp.remove_cases ORDER BY log').pluck().all() as string[];
    const verb = options.dryRun ? 'SELECT count(*) FROM' : 'DELETE FROM';
    for (const table of CASE_LEVEL_TABLES) {
      const sql = `${verb} "${table}" WHERE (log, case_id) IN (SELECT log, case_id FROM temp.remove_cases)`;
      rows[table] = options.dryRun ? (sqlite.prepare(sql).pluck().get() as number) : sqlite.prepare(sql).run().changes;
    }
    const mentioned = [...(options.mentions ?? []), ...(sqlite.prepare('SELECT case_id FROM temp.remove_cases').pluck().all() as string[])];
    const inQuarantine = options.dryRun ? sqlite.prepare('SELECT id FROM quarantine WHERE instr(raw, ?) > 0').pluck() : null;
    const quarantined = sqlite.prepare('DELETE FROM quarantine WHERE instr(raw, ?) > 0');
    const seen = new Set<number>();
    rows['quarantine'] = 0;
    for (const m of mentioned) {
      if (inQuarantine) for (const id of inQuarantine.all(m) as number[]) seen.add(id);
      else rows['quarantine'] += quarantined.run(m).changes;
    }
    if (inQuarantine) rows['quarantine'] = seen.size;
    sqlite.exec('DELETE FROM temp.remove_cases');
    if (!options.dryRun)
      for (const log of logs) {
        reprecomputeLog(sqlite, log);
        rebuildSummaries(sqlite, log);
      }
  });
  run();
  return { cases, rows, logs };
}

/** Checkpoints the WAL, rewrites the database without free pages and empties the WAL. */
export function compact(sqlite: Database.Database, path: string): void {
  if (path === ':memory:') return;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('VACUUM');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

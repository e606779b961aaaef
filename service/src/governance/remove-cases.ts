import type Database from 'better-sqlite3';
import { clearRemovalSet, createRemovalSet, deleteMarkedCases, deleteQuarantineMentioning, markedCases } from '../db/case-removal-queries';
import { reprecomputeLog } from '../precompute/index';
import { rebuildSummaries } from './rebuild-summaries';

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
 * Removes the cases that `select` marks (`markCasesHolding`, `markCasesEndedBefore` of db/) from every
 * case-level table and the quarantine rows that mention them (or one of `mentions`), then
 * rebuilds the model tables and the summary tables (compliance, conformance, findings, teams)
 * of the affected logs from the remaining events, all in one transaction. With `dryRun` it
 * only counts the cases and rows and changes nothing.
 */
export function removeCases(
  sqlite: Database.Database,
  select: () => void,
  options: { mentions?: readonly string[]; dryRun?: boolean } = {},
): RemovedCases {
  const dryRun = options.dryRun === true;
  createRemovalSet(sqlite);
  return sqlite.transaction((): RemovedCases => {
    clearRemovalSet(sqlite);
    select();
    const { cases, logs, caseIds } = markedCases(sqlite);
    const rows = deleteMarkedCases(sqlite, dryRun);
    rows['quarantine'] = deleteQuarantineMentioning(sqlite, [...(options.mentions ?? []), ...caseIds], dryRun);
    clearRemovalSet(sqlite);
    if (!dryRun)
      for (const log of logs) {
        reprecomputeLog(sqlite, log);
        rebuildSummaries(sqlite, log);
      }
    return { cases, rows, logs };
  })();
}

import type Database from 'better-sqlite3';
import { and, eq, getTableColumns } from 'drizzle-orm';
import { drizzleOf } from './connection';
import { findingCases, findings, type FindingDbRow } from './schema';

/** A finding row as kept across a rebuild (without its row id). */
export type KeptFinding = Omit<FindingDbRow, 'id'>;

/** The findings of a log version (status and first version included), to be carried over a rebuild. */
export function versionFindings(sqlite: Database.Database, log: string, version: number): KeptFinding[] {
  const { id: _id, ...columns } = getTableColumns(findings);
  return drizzleOf(sqlite)
    .select(columns)
    .from(findings)
    .where(and(eq(findings.log, log), eq(findings.version, version)))
    .all();
}

/** Deletes the findings of a log version and the cases behind them. */
export function deleteVersionFindings(sqlite: Database.Database, log: string, version: number): void {
  const db = drizzleOf(sqlite);
  db.delete(findings)
    .where(and(eq(findings.log, log), eq(findings.version, version)))
    .run();
  db.delete(findingCases)
    .where(and(eq(findingCases.log, log), eq(findingCases.version, version)))
    .run();
}

/** Gives a recomputed finding back the status and first version it had before the rebuild. */
export function restoreFindingStatus(sqlite: Database.Database, kept: KeptFinding): void {
  drizzleOf(sqlite)
    .update(findings)
    .set({ status: kept.status, firstVersion: kept.firstVersion })
    .where(
      and(
        eq(findings.log, kept.log),
        eq(findings.version, kept.version),
        eq(findings.jobcenter, kept.jobcenter),
        eq(findings.findingId, kept.findingId),
      ),
    )
    .run();
}

/** Writes a kept finding back as it was (a resolved finding, which a rebuild does not recompute). */
export function reinsertFinding(sqlite: Database.Database, kept: KeptFinding): void {
  drizzleOf(sqlite).insert(findings).values(kept).run();
}

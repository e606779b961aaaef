import type Database from 'better-sqlite3';
import { and, eq, isNotNull } from 'drizzle-orm';
import { drizzleOf } from './connection';
import { latestStoredLoad, lineageOf, type Lineage } from './lineage-queries';
import { logs, type LogRow } from './schema';

/** Why a log's personal data is processed, on which legal basis, and who is responsible for it. */
export interface LogPurpose {
  purpose: string;
  legalBasis: string;
  controller: string;
}

/** A log's stored purpose settings: null parts when unset. */
export type StoredPurpose = { [K in keyof LogPurpose]: LogRow[K] };

/** A log's purpose, legal basis, controller and retention, and the lineage of its current version. */
export interface LogGovernance extends StoredPurpose {
  retentionYears: number | null;
  version: number;
  /** When the current version's load finished (epoch ms), null when unknown. */
  loadedAt: number | null;
  /** Null when the current version has no stored load row. */
  lineage: Lineage | null;
}

const PURPOSE_COLUMNS = { purpose: logs.purpose, legalBasis: logs.legalBasis, controller: logs.controller };

/** Reads a log's governance and its current version's lineage; null when there is no such log. */
export function readLogGovernance(sqlite: Database.Database, log: string): LogGovernance | null {
  const head = drizzleOf(sqlite)
    .select({ ...PURPOSE_COLUMNS, retentionYears: logs.retentionYears, version: logs.currentVersion })
    .from(logs)
    .where(eq(logs.name, log))
    .get();
  if (!head) return null;
  const row = latestStoredLoad(sqlite, log, head.version);
  return { ...head, loadedAt: row?.finishedAt?.getTime() ?? null, lineage: row ? lineageOf(row) : null };
}

/** The purpose settings stored on a log (all null for a log not stored yet). */
export function readLogPurpose(sqlite: Database.Database, log: string): StoredPurpose {
  const row = drizzleOf(sqlite).select(PURPOSE_COLUMNS).from(logs).where(eq(logs.name, log)).get();
  return row ?? { purpose: null, legalBasis: null, controller: null };
}

/** Stores the given purpose settings on the log's row (parts not given keep their stored value). */
export function writeLogPurpose(sqlite: Database.Database, log: string, given: Partial<LogPurpose>): void {
  const set: Partial<StoredPurpose> = {};
  if (given.purpose != null) set.purpose = given.purpose;
  if (given.legalBasis != null) set.legalBasis = given.legalBasis;
  if (given.controller != null) set.controller = given.controller;
  if (Object.keys(set).length > 0) drizzleOf(sqlite).update(logs).set(set).where(eq(logs.name, log)).run();
}

/** Stores a log's retention period in years (null = no limit); false when there is no such log. */
export function writeRetentionYears(sqlite: Database.Database, log: string, years: number | null): boolean {
  return drizzleOf(sqlite).update(logs).set({ retentionYears: years }).where(eq(logs.name, log)).run().changes > 0;
}

/** A log's retention period in years: null for no limit, undefined when there is no such log. */
export function readRetentionYears(sqlite: Database.Database, log: string): number | null | undefined {
  return drizzleOf(sqlite).select({ years: logs.retentionYears }).from(logs).where(eq(logs.name, log)).get()?.years;
}

/** The logs with a retention period (only `log` when given) and their periods, by name. */
export function retentionLimits(sqlite: Database.Database, log?: string): { name: string; years: number }[] {
  return drizzleOf(sqlite)
    .select({ name: logs.name, years: logs.retentionYears })
    .from(logs)
    .where(and(isNotNull(logs.retentionYears), log === undefined ? undefined : eq(logs.name, log)))
    .orderBy(logs.name)
    .all()
    .map((l) => ({ name: l.name, years: l.years! }));
}

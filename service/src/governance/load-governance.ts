import type Database from 'better-sqlite3';
import type { SagsflowDatabase } from '../db/client';
import type { ColumnRoles } from '../ingest/column-roles';
import type { LoadedModel } from '../conformance/load-model';
import { cliLoader, recordLineage, type Lineage } from './lineage';
import { insertAttachedModel } from '../db/attached-model-queries';
import { readLogPurpose, readRetentionYears, writeLogPurpose } from '../db/governance-queries';
import { storedGroupSize } from '../db/log-queries';
import { purposeRefusal, type LogPurpose } from './purpose';
import { setRetention } from './retention-period';
import { loadTeams } from './teams';

/** What a load carries for governance (issue 15): purpose, who loads, retention. */
export interface LoadGovernance {
  /** Purpose, legal basis and data controller given with this load (unset parts keep the log's stored ones). */
  purpose?: Partial<LogPurpose>;
  /** Refuse a load with pseudonymised columns besides the case id when the log has no full purpose (the CLI and uploads do). */
  requirePurpose?: boolean;
  /** How the caller names the settings in a refusal: `--legal-basis` (cli) or field `legalBasis` (upload). */
  via?: 'cli' | 'upload';
  /** Who loads (`token:<name>`); default `cli:<operating-system user>`. */
  loadedBy?: string;
  /** The token of an upload, for the audit of the retention the load applies. */
  tokenId?: string | null;
  /** Years a case is kept after its last event, stored with the log. */
  retentionYears?: number;
}

/** Why the load must be refused for want of a purpose (see `purposeRefusal`), or null. */
export function loadPurposeRefusal(
  sqlite: Database.Database,
  log: string,
  governance: LoadGovernance | undefined,
  columns: ColumnRoles | null,
): string | null {
  if (!governance?.requirePurpose) return null;
  return purposeRefusal(readLogPurpose(sqlite, log), governance.purpose ?? {}, columns, governance.via ?? 'cli');
}

/**
 * Stores the purpose and retention on the log, the lineage on the load, and the teams of the
 * version's events with their `teams` rows (inside the load's transaction, after its log row
 * and model tables are written).
 */
export function recordLoadGovernance(
  store: SagsflowDatabase,
  r: {
    loadId: number;
    log: string;
    version: number;
    governance: LoadGovernance | undefined;
    lineage: Omit<Lineage, 'loadedBy'>;
    /** The mapping's team column, when it has one. */
    teamColumn: string | undefined;
    /** The model the version was checked against, kept so that conformance can be rebuilt. */
    model?: LoadedModel | undefined;
  },
): void {
  const g = r.governance ?? {};
  writeLogPurpose(store.sqlite, r.log, g.purpose ?? {});
  if (g.retentionYears !== undefined) setRetention(store, r.log, g.retentionYears);
  recordLineage(store.sqlite, r.loadId, { ...r.lineage, loadedBy: g.loadedBy ?? cliLoader() });
  const k = storedGroupSize(store.sqlite, r.log)?.k ?? 5;
  loadTeams(store.sqlite, { log: r.log, version: r.version, teamColumn: r.teamColumn, k });
  if (r.model)
    insertAttachedModel(store.sqlite, {
      log: r.log,
      version: r.version,
      name: r.lineage.model?.name ?? 'model.bpmn',
      graph: JSON.stringify(r.model.graph),
      net: JSON.stringify(r.model.net),
      digest: r.model.digest,
    });
}

/** What the retention applied after a load did: the counts removed, or why it failed (the load itself stays committed). */
export type RetentionAfterLoad =
  { retentionYears: number; cutoff: string; cases: number; rows: Record<string, number> } | { retentionYears: number; error: string };

/**
 * Applies the log's retention period after a load committed: the same removal, rebuild, audit
 * (`retention`) and vacuum as `sagsflow retention apply`, for this log only. Null when the log
 * has no retention period.
 */
export async function retentionAfterLoad(
  store: SagsflowDatabase,
  log: string,
  governance: LoadGovernance | undefined,
  now: Date,
): Promise<RetentionAfterLoad | null> {
  const years = readRetentionYears(store.sqlite, log);
  if (years === null || years === undefined) return null;
  // The removal and rebuild code is loaded only for a log with a retention period.
  const { applyRetention } = await import('./retention');
  try {
    const o = applyRetention(store, { now, log, tokenId: governance?.tokenId ?? null })[0];
    return { retentionYears: years, cutoff: (o?.cutoff ?? now).toISOString(), cases: o?.cases ?? 0, rows: o?.rows ?? {} };
  } catch (err) {
    return { retentionYears: years, error: `retention after the load failed: ${(err as Error).message}` };
  }
}

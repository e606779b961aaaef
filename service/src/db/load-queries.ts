import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import type { SagsflowDb } from './client';
import { loads, logs, type LoadRow } from './schema';

/** Row counts of a load as the `loads` row keeps them. */
export interface LoadRowCounts {
  read: number;
  accepted: number;
  duplicates: number;
  quarantined: number;
}

/** Inserts the `loads` row of a starting load (inside its transaction) and returns its id. */
export function insertLoadRow(
  sqlite: Database.Database,
  r: { log: string; version: number; process: string | null; files: string[]; bytes: number; keyCheck: string; startedAt: number },
): number {
  const info = sqlite
    .prepare(
      `INSERT INTO loads (log, version, process, files, content_hash, bytes, key_check, started_at, status) VALUES (?, ?, ?, ?, '', ?, ?, ?, 'stored')`,
    )
    .run(r.log, r.version, r.process, JSON.stringify(r.files), r.bytes, r.keyCheck, r.startedAt);
  return Number(info.lastInsertRowid);
}

/** The stored load that made the current version of `log`, or null for a new log. */
export function currentLoad(db: SagsflowDb, log: string): LoadRow | null {
  const row = db
    .select({ load: loads })
    .from(logs)
    .innerJoin(loads, and(eq(loads.log, logs.name), eq(loads.version, logs.currentVersion), eq(loads.status, 'stored')))
    .where(eq(logs.name, log))
    .get();
  return row?.load ?? null;
}

/** The current version of `log`, or null for a log never loaded. */
export function currentVersionOf(db: SagsflowDb, log: string): number | null {
  return db.select({ v: logs.currentVersion }).from(logs).where(eq(logs.name, log)).get()?.v ?? null;
}

/** Records a rolled-back load as `failed` (best effort, outside the rolled-back transaction). */
export function recordFailedLoad(
  sqlite: Database.Database,
  r: {
    log: string;
    process: string | null;
    files: string[];
    hash: string;
    bytes: number;
    startedAt: number;
    finishedAt: number;
    message: string;
    counts: LoadRowCounts;
    quarantinedByReason: Record<string, number>;
  },
): number | null {
  try {
    const info = sqlite
      .prepare(
        `INSERT INTO loads (log, version, process, files, content_hash, bytes, started_at, finished_at, rows_read, rows_accepted,
         rows_duplicates, rows_quarantined, quarantined_by_reason, status, message) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'failed', ?)`,
      )
      .run(
        r.log,
        r.process,
        JSON.stringify(r.files),
        r.hash,
        r.bytes,
        r.startedAt,
        r.finishedAt,
        r.counts.read,
        r.counts.accepted,
        r.counts.duplicates,
        r.counts.quarantined,
        JSON.stringify(r.quarantinedByReason),
        r.message,
      );
    return Number(info.lastInsertRowid);
  } catch {
    return null;
  }
}

/** What a stored load found, written into its `loads` row when it finishes. */
export interface FinishedLoad {
  loadId: number;
  finishedAt: number;
  rows: LoadRowCounts;
  quarantinedByReason: Record<string, number>;
  cases: number;
  events: number;
  firstTimestamp: number | null;
  lastTimestamp: number | null;
  contentHash: string;
  /** What the loader did with each column (stored as JSON), null when unknown. */
  columns?: unknown;
  files: string[];
  duplicatePolicy?: string | undefined;
  identical?: number | undefined;
}

/** Completes the `loads` row of a load that is about to commit (inside its transaction). */
export function finishLoadRow(sqlite: Database.Database, r: FinishedLoad): void {
  sqlite
    .prepare(
      `UPDATE loads SET finished_at = ?, rows_read = ?, rows_accepted = ?, rows_duplicates = ?, rows_quarantined = ?,
       quarantined_by_reason = ?, cases = ?, events = ?, first_timestamp = ?, last_timestamp = ?, status = 'stored', content_hash = ?,
       columns = ?, files = ?, duplicate_policy = ?, identical_events = ? WHERE id = ?`,
    )
    .run(
      r.finishedAt,
      r.rows.read,
      r.rows.accepted,
      r.rows.duplicates,
      r.rows.quarantined,
      JSON.stringify(r.quarantinedByReason),
      r.cases,
      r.events,
      r.firstTimestamp,
      r.lastTimestamp,
      r.contentHash,
      r.columns ? JSON.stringify(r.columns) : null,
      JSON.stringify(r.files),
      r.duplicatePolicy ?? null,
      r.identical ?? 0,
      r.loadId,
    );
}

/**
 * Makes `version` the current version of `log` (creating the `logs` row of a new log with
 * `minGroupSize`, default 5; an existing log keeps its k unless `minGroupSize` is given).
 */
export function makeVersionCurrent(
  sqlite: Database.Database,
  r: { log: string; process: string | null; version: number; minGroupSize: number | null; at: number },
): void {
  sqlite
    .prepare(
      `INSERT INTO logs (name, process, current_version, min_group_size, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET process = excluded.process, current_version = excluded.current_version,
       min_group_size = coalesce(?, logs.min_group_size), updated_at = excluded.updated_at`,
    )
    .run(r.log, r.process, r.version, r.minGroupSize ?? 5, r.at, r.at, r.minGroupSize);
}

/** The end activities a load recorded (JSON of `loads.end_activities`), or null. */
export function loadEndActivities(db: SagsflowDb, loadId: number): string | null {
  return db.select({ e: loads.endActivities }).from(loads).where(eq(loads.id, loadId)).get()?.e ?? null;
}

/** The key check of the latest stored load of the database (any log), or null before the first. */
export function storedKeyCheck(sqlite: Database.Database): string | null {
  const v = sqlite
    .prepare("SELECT key_check FROM loads WHERE status = 'stored' AND key_check IS NOT NULL ORDER BY id DESC LIMIT 1")
    .pluck()
    .get() as string | undefined;
  return v ?? null;
}

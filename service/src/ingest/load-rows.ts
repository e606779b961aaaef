import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import type { SagsflowDb } from '../db/client';
import { loads, logs, type LoadRow } from '../db/schema';
import type { ReadCounts } from '../readers/types';
import type { LoadReport } from './load-report';

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

/** The report of a stored load, as returned for an unchanged reload. */
export function reportOfLoad(l: LoadRow, log: string, hash: string): Omit<LoadReport, 'status' | 'startedAt' | 'finishedAt' | 'model'> {
  return {
    loadId: l.id,
    log,
    version: l.version ?? 0,
    files: JSON.parse(l.files) as string[],
    contentHash: hash,
    rows: { read: l.rowsRead, accepted: l.rowsAccepted, duplicates: l.rowsDuplicates, quarantined: l.rowsQuarantined },
    quarantinedByReason: JSON.parse(l.quarantinedByReason) as Record<string, number>,
    cases: l.cases,
    events: l.events,
    firstTimestamp: l.firstTimestamp?.getTime() ?? null,
    lastTimestamp: l.lastTimestamp?.getTime() ?? null,
  };
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
    counts: ReadCounts;
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

/** Text whose pseudonym is kept per load as `key_check`. */
export { KEY_CHECK_TEXT } from '../privacy/key-care';

/** The key check of the latest stored load of the database (any log), or null before the first. */
export function storedKeyCheck(sqlite: Database.Database): string | null {
  const v = sqlite
    .prepare("SELECT key_check FROM loads WHERE status = 'stored' AND key_check IS NOT NULL ORDER BY id DESC LIMIT 1")
    .pluck()
    .get() as string | undefined;
  return v ?? null;
}

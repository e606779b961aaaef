import type Database from 'better-sqlite3';
import { withoutBusyWait, isDatabaseBusy } from '../../db/connection';

/** One audit record: who (token id) did what to which target. */
export interface AuditEntry {
  tokenId: string | null;
  action: string;
  target: string | null;
  detail: string | null;
  ts: number;
}

/** Records audit entries without ever making a request wait for a write lock. */
export interface AuditQueue {
  record(entry: Omit<AuditEntry, 'ts'>): void;
  /** Writes what is queued; returns false when the database was busy (entries stay queued). */
  flush(): boolean;
  /** Stops the retry timer and makes a last attempt to write. */
  close(): void;
}

/**
 * An audit queue over `write` (which inserts the entries in one transaction). An entry is written
 * at once when the database is free, except a read that comes within `batchMs` of the last
 * write: under a burst of readers those go in one transaction `batchMs` later instead of one
 * each (any other action writes what is queued at once). While another connection holds the
 * write lock (an ingest running in a worker), entries wait in memory and a timer retries, so
 * readers are never blocked by the audit trail.
 */
export function createAuditQueue(
  sqlite: Database.Database,
  write: (entries: readonly AuditEntry[]) => void,
  log: (message: string) => void,
  retryMs = 500,
  batchMs = 20,
): AuditQueue {
  let pending: AuditEntry[] = [];
  let timer: NodeJS.Timeout | null = null;
  let lastWrite = -Infinity;
  const flush = (): boolean => {
    if (pending.length === 0 || !sqlite.open) return true;
    const batch = pending;
    try {
      withoutBusyWait(sqlite, () => write(batch));
      pending = pending.slice(batch.length);
      lastWrite = Date.now();
      return true;
    } catch (error) {
      if (!isDatabaseBusy(error)) {
        pending = pending.slice(batch.length);
        log(`audit: could not record ${batch.length} entries: ${(error as Error).message}`);
        return true;
      }
      return false;
    }
  };
  const schedule = (ms: number): void => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      if (!flush()) schedule(retryMs);
    }, ms);
    timer.unref();
  };
  return {
    record(entry) {
      const ts = Date.now();
      pending.push({ ...entry, ts });
      const read = entry.action === 'read';
      if (read && timer) return;
      if (read && ts - lastWrite < batchMs) schedule(batchMs);
      else if (!flush()) schedule(retryMs);
    },
    flush,
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
      flush();
    },
  };
}

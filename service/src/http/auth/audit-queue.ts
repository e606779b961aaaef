import type Database from 'better-sqlite3';
import { withoutBusyWait } from '../../db/connection';

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

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/**
 * An audit queue over `write` (which inserts the entries in one transaction). Entries are
 * written at once when the database is free; while another connection holds the write lock
 * (an ingest running in a worker), they wait in memory and a timer retries, so readers are
 * never blocked by the audit trail.
 */
export function createAuditQueue(
  sqlite: Database.Database,
  write: (entries: readonly AuditEntry[]) => void,
  log: (message: string) => void,
  retryMs = 500,
): AuditQueue {
  let pending: AuditEntry[] = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = (): boolean => {
    if (pending.length === 0 || !sqlite.open) return true;
    const batch = pending;
    try {
      withoutBusyWait(sqlite, () => write(batch));
      pending = pending.slice(batch.length);
      return true;
    } catch (error) {
      if (!isBusy(error)) {
        pending = pending.slice(batch.length);
        log(`audit: could not record ${batch.length} entries: ${(error as Error).message}`);
        return true;
      }
      return false;
    }
  };
  const schedule = (): void => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      if (!flush()) schedule();
    }, retryMs);
    timer.unref();
  };
  return {
    record(entry) {
      pending.push({ ...entry, ts: Date.now() });
      if (pending.length > 1 || !flush()) schedule();
    },
    flush,
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
      flush();
    },
  };
}

import type Database from 'better-sqlite3';
import { withoutBusyWait, isDatabaseBusy } from '../../db/connection';

/** Writes made on the server's connection in order, never waiting for a lock another connection holds. */
export interface WriteQueue {
  /** Runs `write` now, or, while another connection holds the write lock, after the writes queued before it. */
  write(write: () => void): void;
  /** Runs the queued writes; false when the database was still busy (the rest stay queued). */
  flush(): boolean;
  /** Stops retrying and runs what is queued, waiting for the lock as the connection's busy timeout allows. */
  close(): void;
}

/**
 * A write queue on the server's connection. While a load in a worker holds the write lock (for
 * its whole transaction), or its closing checkpoint blocks writers, a write with the usual busy
 * timeout would stop the event loop, and so every reader, for up to that timeout. Here a write
 * meets the lock at once (`withoutBusyWait`), waits in memory in order, and a timer retries;
 * errors other than a busy database go to `log`.
 */
export function createWriteQueue(sqlite: Database.Database, log: (message: string) => void, retryMs = 200): WriteQueue {
  const pending: (() => void)[] = [];
  let timer: NodeJS.Timeout | null = null;
  const run = (wait: boolean): boolean => {
    while (pending.length > 0 && sqlite.open) {
      try {
        if (wait) pending[0]!();
        else withoutBusyWait(sqlite, pending[0]!);
      } catch (error) {
        if (!wait && isDatabaseBusy(error)) return false;
        log(`could not record a job: ${(error as Error).message}`);
      }
      pending.shift();
    }
    return true;
  };
  const schedule = (): void => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      if (!run(false)) schedule();
    }, retryMs);
    timer.unref();
  };
  return {
    write(write) {
      pending.push(write);
      if (pending.length > 1 || !run(false)) schedule();
    },
    flush: () => run(false),
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
      run(true);
    },
  };
}

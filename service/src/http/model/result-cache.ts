import type Database from 'better-sqlite3';
import { dataVersion } from '../../db/connection';

/** Caches computed answers until the served data changes. */
export interface ResultCache {
  /** The cached value for `key`, or computes, caches (if at most the size limit) and returns it. */
  get<T>(key: string, compute: () => T, sizeOf: (value: T) => number): T;
  /** Drops everything (after a change made on this connection, e.g. deleting a log). */
  invalidate(): void;
}

/**
 * An LRU cache of answers (REST aggregates, small OData pages, counts), keyed by the query and
 * valid while the data is unchanged: `PRAGMA data_version` moves whenever another connection
 * (the ingest worker) commits, and `invalidate()` covers this connection's own deletes. Dashboards
 * ask the same filtered questions over and over; without it each one rescans the model tables.
 */
export function createResultCache(sqlite: Database.Database, options: { maxBytes: number; maxEntryBytes: number }): ResultCache {
  const entries = new Map<string, { value: unknown; bytes: number }>();
  let bytes = 0;
  let version = -1;
  const clear = () => {
    entries.clear();
    bytes = 0;
  };
  return {
    get(key, compute, sizeOf) {
      const current = dataVersion(sqlite);
      if (current !== version) {
        clear();
        version = current;
      }
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value as ReturnType<typeof compute>;
      }
      const value = compute();
      const size = sizeOf(value);
      if (size <= options.maxEntryBytes) {
        entries.set(key, { value, bytes: size });
        bytes += size;
        for (const [k, e] of entries) {
          if (bytes <= options.maxBytes) break;
          entries.delete(k);
          bytes -= e.bytes;
        }
      }
      return value;
    },
    invalidate: clear,
  };
}

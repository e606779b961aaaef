import type Database from 'better-sqlite3';
import { dataVersion } from '../../db/connection';

/** Size limits of a result cache. */
export interface ResultCacheLimits {
  maxBytes: number;
  maxEntryBytes: number;
}

/** Caches computed answers until the served data changes. */
export interface ResultCache {
  /** The cached value for `key`, or computes, caches (if at most the size limit) and returns it. */
  get<T>(key: string, compute: () => T, sizeOf: (value: T) => number): T;
  /** Drops everything (after a change made on this connection, e.g. deleting a log). */
  invalidate(): void;
  /**
   * A number that moves whenever this cache is cleared (the data version moved, or `invalidate`):
   * caches that check their entries themselves (the per-cell sums) re-check when it moves.
   */
  generation(): number;
}

/**
 * An LRU cache of answers (REST aggregates, small OData pages, counts), keyed by the query and
 * valid while the data is unchanged: `PRAGMA data_version` moves whenever another connection
 * (the ingest worker) commits, and `invalidate()` covers this connection's own deletes. Dashboards
 * ask the same filtered questions over and over; without it each one rescans the model tables.
 */
export function createResultCache(sqlite: Database.Database, limits: ResultCacheLimits): ResultCache {
  /** Moves whenever the data may have changed; the cache clears when it sees a new one. */
  const validity = { version: -1, generation: 0 };
  return lruCache(
    limits,
    () => {
      const current = dataVersion(sqlite);
      if (current !== validity.version) {
        validity.version = current;
        validity.generation++;
      }
      return validity.generation;
    },
    () => validity.generation++,
  );
}

function lruCache(options: ResultCacheLimits, generation: () => number, bump: () => void): ResultCache {
  const entries = new Map<string, { value: unknown; bytes: number }>();
  let bytes = 0;
  let seen = -1;
  return {
    get(key, compute, sizeOf) {
      const current = generation();
      if (current !== seen) {
        entries.clear();
        bytes = 0;
        seen = current;
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
    invalidate: bump,
    generation,
  };
}

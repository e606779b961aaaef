import type { ResultCacheLimits } from './result-cache';

/** Cached parts of cells (per-cell sums), each cell kept while its stamp holds. */
export interface CellCache {
  /**
   * The cached `part` of `cell`, or computes, caches (if at most the entry limit) and returns it.
   * Once per generation a cell's `stamp` is read again: when it moved, every cached part of the
   * cell is dropped and recomputed.
   */
  get<T>(cell: string, stamp: () => string, part: string, compute: () => T, sizeOf: (value: T) => number): T;
  /**
   * The cached value of `key`, computed from `cells` (a merge of their parts), or computes,
   * caches and returns it: kept while the stamp of every one of the cells holds.
   */
  derived<T>(key: string, cells: readonly CellRef[], compute: () => T, sizeOf: (value: T) => number): T;
  /** Bytes held (the sum of the parts' `sizeOf`). */
  bytes(): number;
}

/** A cell as a derived value depends on it: its id and how to read its stamp. */
export interface CellRef {
  id: string;
  stamp: () => string;
}

interface CellState {
  stamp: string;
  checked: number;
  parts: Set<string>;
}

/**
 * An LRU cache of per-cell parts that survives changes to other cells: where an answer cache
 * clears whenever the data version moves (any commit), this one re-reads each cell's stamp at
 * its first use in a new `generation` and drops only the cells whose stamp moved. A load of one
 * log then keeps the cached cells of every other log.
 */
export function createCellCache(generation: () => number, limits: ResultCacheLimits): CellCache {
  const cells = new Map<string, CellState>();
  const entries = new Map<string, { value: unknown; bytes: number; cell: string; stamps?: string }>();
  let bytes = 0;
  const remove = (key: string): void => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
    cells.get(entry.cell)?.parts.delete(key);
  };
  const check = (cell: string, stamp: () => string, current: number): CellState => {
    let state = cells.get(cell);
    if (state?.checked === current) return state;
    const now = stamp();
    if (state && state.stamp !== now) for (const key of [...state.parts]) remove(key);
    if (!state) cells.set(cell, (state = { stamp: now, checked: current, parts: new Set() }));
    state.stamp = now;
    state.checked = current;
    return state;
  };
  const add = (key: string, value: unknown, size: number, cell: string, stamps?: string): void => {
    if (size > limits.maxEntryBytes) return;
    remove(key);
    entries.set(key, { value, bytes: size, cell, ...(stamps === undefined ? {} : { stamps }) });
    bytes += size;
    for (const k of entries.keys()) {
      if (bytes <= limits.maxBytes) break;
      remove(k);
    }
  };
  const touch = (key: string): { value: unknown; stamps?: string } | undefined => {
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit);
    }
    return hit;
  };
  return {
    get(cell, stamp, part, compute, sizeOf) {
      const state = check(cell, stamp, generation());
      const key = `${cell}\u0000${part}`;
      const hit = touch(key);
      if (hit) return hit.value as ReturnType<typeof compute>;
      const value = compute();
      const size = sizeOf(value);
      if (size <= limits.maxEntryBytes) {
        add(key, value, size, cell);
        if (entries.has(key)) state.parts.add(key);
      }
      return value;
    },
    derived(key, refs, compute, sizeOf) {
      const current = generation();
      const stamps = refs.map((ref) => check(ref.id, ref.stamp, current).stamp).join('\u0001');
      const hit = touch(`\u0001${key}`);
      if (hit?.stamps === stamps) return hit.value as ReturnType<typeof compute>;
      const value = compute();
      add(`\u0001${key}`, value, sizeOf(value), '', stamps);
      return value;
    },
    bytes: () => bytes,
  };
}

import type { ResultCacheLimits } from './result-cache';

/** Cached parts of cells (per-cell sums), each cell kept while its stamp holds. */
export interface CellCache {
  /**
   * The cached `part` of `cell`, or computes, caches (if at most the entry limit) and returns it.
   * Once per generation a cell's `stamp` is read again: when it moved, every cached part of the
   * cell is dropped and recomputed.
   */
  get<T>(cell: string, stamp: () => string, part: string, compute: () => T, sizeOf: (value: T) => number): T;
  /** Bytes held (the sum of the parts' `sizeOf`). */
  bytes(): number;
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
  const entries = new Map<string, { value: unknown; bytes: number; cell: string }>();
  let bytes = 0;
  const remove = (key: string): void => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
    const state = cells.get(entry.cell);
    state?.parts.delete(key);
    if (state?.parts.size === 0) cells.delete(entry.cell);
  };
  const check = (cell: string, stamp: () => string): CellState => {
    const current = generation();
    let state = cells.get(cell);
    if (state?.checked === current) return state;
    const now = stamp();
    if (state && state.stamp !== now) for (const key of [...state.parts]) remove(key);
    state = cells.get(cell) ?? { stamp: now, checked: current, parts: new Set() };
    state.stamp = now;
    state.checked = current;
    cells.set(cell, state);
    return state;
  };
  return {
    get(cell, stamp, part, compute, sizeOf) {
      const state = check(cell, stamp);
      const key = `${cell}\u0000${part}`;
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value as ReturnType<typeof compute>;
      }
      const value = compute();
      const size = sizeOf(value);
      if (size <= limits.maxEntryBytes) {
        entries.set(key, { value, bytes: size, cell });
        state.parts.add(key);
        cells.set(cell, state);
        bytes += size;
        for (const k of entries.keys()) {
          if (bytes <= limits.maxBytes) break;
          remove(k);
        }
      }
      return value;
    },
    bytes: () => bytes,
  };
}

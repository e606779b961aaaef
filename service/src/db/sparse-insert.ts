import type Database from 'better-sqlite3';
import type { BatchInserter, SqlValue } from './batch-insert';

/** A `BatchInserter` that writes each row at once (nothing to flush) and knows the id of the last. */
export interface SparseInserter extends BatchInserter {
  /**
   * Writes the row that `add` writes, given split: `dense` holds the values of the other columns
   * and `zeros` those of the `zeroDefault` columns, each in column order. Spares the caller
   * assembling the wide row, and the zero test reads one typed array.
   */
  addSplit(dense: readonly SqlValue[], zeros: Float64Array): void;
  /** The rowid of the row the last `add` or `addSplit` wrote. */
  readonly lastRowid: number;
}

/** Sparse columns per block: a row without its own statement binds the blocks that hold a non-zero value. */
const BLOCK = 8;

/** Statements for exact patterns of non-zero columns, at most (each a few KB of SQLite memory). */
const EXACT_STATEMENTS = 96;

/** Rows of one pattern seen before it gets its own statement. */
const EXACT_AFTER = 3;

/** A prepared insert of the dense columns and the `sparse` zero-default columns, with its value buffer. */
interface Shape {
  readonly run: (...values: SqlValue[]) => Database.RunResult;
  /** Indexes into the zero-default columns, in the statement's order. */
  readonly sparse: Int32Array;
  readonly values: SqlValue[];
}

function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;
}

/**
 * An inserter for wide rows that are mostly zeros (the histogram columns of the step and edge
 * tables: 175 of their 189 columns, nearly all 0). The `zeroDefault` columns must be declared
 * `NOT NULL DEFAULT 0` and take numbers; a row leaves out the ones that hold 0, so SQLite writes
 * their default instead of binding each 0. The stored rows are the same as a full insert writes,
 * in the same order (one statement per row).
 *
 * Binding is what a wide insert costs (about 50 ns a value), and so is switching between many
 * prepared statements (each holds a register per column). So a pattern of non-zero columns that
 * recurs (a step row of one case has 3) gets a statement of exactly those columns, for the first
 * `EXACT_STATEMENTS` patterns seen `EXACT_AFTER` times; any other row binds the blocks of 8
 * columns that hold a non-zero value, one statement per pattern of blocks. A row's values go to
 * `run` as arguments (better-sqlite3 reads an array's elements through property lookups). Runs
 * inside the caller's transaction.
 */
export function createSparseInserter(
  sqlite: Database.Database,
  table: string,
  columns: readonly string[],
  options: { zeroDefault: ReadonlySet<string>; constants?: Readonly<Record<string, string | number>> },
): SparseInserter {
  const constants = Object.entries(options.constants ?? {});
  const width = columns.length;
  const dense: number[] = [];
  const sparse: number[] = [];
  columns.forEach((c, i) => (options.zeroDefault.has(c) ? sparse : dense).push(i));
  const blocks = Math.ceil(sparse.length / BLOCK);
  if (blocks > 30) throw new Error(`createSparseInserter(${table}): at most ${30 * BLOCK} zero-default columns`);
  const prepare = (bound: Int32Array): Shape => {
    const names = [...constants.map(([c]) => c), ...dense.map((i) => columns[i]!), ...Array.from(bound, (j) => columns[sparse[j]!]!)];
    const params = [...constants.map(([, v]) => literal(v)), ...names.slice(constants.length).map(() => '?')];
    const stmt = sqlite.prepare(`INSERT INTO "${table}" (${names.map((c) => `"${c}"`).join(', ')}) VALUES (${params.join(', ')})`);
    return { run: stmt.run.bind(stmt), sparse: bound, values: new Array<SqlValue>(dense.length + bound.length).fill(null) };
  };
  const byMask = new Map<number, Shape>();
  const shapeOfMask = (mask: number): Shape => {
    let s = byMask.get(mask);
    if (s === undefined) {
      const bound: number[] = [];
      for (let j = 0; j < sparse.length; j++) if (mask & (1 << ((j / BLOCK) | 0))) bound.push(j);
      byMask.set(mask, (s = prepare(Int32Array.from(bound))));
    }
    return s;
  };
  /** Exact shapes by the hash of their pattern (a pattern whose hash another took goes by its blocks). */
  const exact = new Map<number, Shape>();
  const seen = new Map<number, number>();
  const nonZero = new Int32Array(sparse.length);
  const wide = { dense: new Array<SqlValue>(dense.length).fill(null), zeros: new Float64Array(sparse.length) };
  let written = 0;
  let lastRowid = 0;

  const write = (denseValues: readonly SqlValue[], zeros: Float64Array): void => {
    let n = 0;
    let mask = 0;
    let hash = 0;
    for (let j = 0; j < zeros.length; j++) {
      if (zeros[j] !== 0) {
        nonZero[n++] = j;
        mask |= 1 << ((j / BLOCK) | 0);
        hash = Math.imul(hash ^ (j + 1), 0x9e3779b1);
      }
    }
    let s = exact.get(hash);
    if (s !== undefined && !samePattern(s.sparse, nonZero, n)) s = undefined;
    else if (s === undefined && exact.size < EXACT_STATEMENTS) {
      const times = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, times);
      if (times >= EXACT_AFTER) exact.set(hash, (s = prepare(nonZero.slice(0, n))));
    }
    s ??= shapeOfMask(mask);
    const out = s.values;
    const k0 = denseValues.length;
    for (let k = 0; k < k0; k++) out[k] = denseValues[k]!;
    const bound = s.sparse;
    for (let k = 0; k < bound.length; k++) out[k0 + k] = zeros[bound[k]!]!;
    lastRowid = Number(s.run(...out).lastInsertRowid);
    written++;
  };

  return {
    add(values) {
      if (values.length !== width) throw new Error(`createSparseInserter(${table}).add: expected ${width} values, got ${values.length}`);
      for (let k = 0; k < dense.length; k++) wide.dense[k] = values[dense[k]!]!;
      for (let j = 0; j < sparse.length; j++) {
        const v = values[sparse[j]!];
        if (typeof v !== 'number') {
          throw new Error(`createSparseInserter(${table}).add: column ${columns[sparse[j]!]} takes a number, got ${String(v)}`);
        }
        wide.zeros[j] = v;
      }
      write(wide.dense, wide.zeros);
    },
    addSplit(denseValues, zeros) {
      if (denseValues.length !== dense.length || zeros.length !== sparse.length) {
        throw new Error(
          `createSparseInserter(${table}).addSplit: expected ${dense.length} + ${sparse.length} values, got ${denseValues.length} + ${zeros.length}`,
        );
      }
      write(denseValues, zeros);
    },
    flush() {},
    get written() {
      return written;
    },
    get lastRowid() {
      return lastRowid;
    },
  };
}

function samePattern(pattern: Int32Array, nonZero: Int32Array, n: number): boolean {
  if (pattern.length !== n) return false;
  for (let k = 0; k < n; k++) if (pattern[k] !== nonZero[k]) return false;
  return true;
}

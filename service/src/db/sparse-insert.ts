import type Database from 'better-sqlite3';
import type { BatchInserter, SqlValue } from './batch-insert';

/** A `BatchInserter` that writes each row at once (nothing to flush) and knows the id of the last. */
export interface SparseInserter extends BatchInserter {
  /**
   * Writes the row that `add` writes, given split: `dense` holds the values of the other columns
   * and `zeros` those of the `zeroDefault` columns, each in column order. Spares the caller
   * assembling the wide row, and the zero test reads one typed array. `nonZero`, when the caller
   * knows them, lists the positions of `zeros` that may be non-zero (every other one is 0): the
   * zero test then reads only those. `extra`, when given, is the value of the `extraColumn`
   * (left out otherwise: the column's default).
   */
  addSplit(dense: readonly SqlValue[], zeros: Float64Array, nonZero?: ArrayLike<number>, extra?: SqlValue): void;
  /** The rowid of the row the last `add` or `addSplit` wrote. */
  readonly lastRowid: number;
}

/** The prepared insert of one pattern of non-zero blocks, the zero-default columns it binds and its reused argument array. */
interface PatternStatement {
  run: (...values: SqlValue[]) => Database.RunResult;
  bound: Int32Array;
  values: SqlValue[];
}

/** Zero-default columns per block when the caller names no `blocks`: runs of 8 in column order. */
const BLOCK = 8;

/** Blocks at most: a row's pattern of non-zero blocks is a 31-bit mask. */
const MAX_BLOCKS = 30;

/** The bit of a pattern whose statement binds the `extraColumn`. */
const EXTRA = 1 << MAX_BLOCKS;

/** Options of `createSparseInserter`. */
export interface SparseInserterOptions {
  /** The columns to leave out when 0; declared `NOT NULL DEFAULT 0`, taking numbers. */
  zeroDefault: ReadonlySet<string>;
  /**
   * The zero-default columns in groups that tend to be non-zero together (each in exactly one
   * group); a row binds the groups that hold a non-zero value. Default: runs of 8 in column order.
   */
  blocks?: readonly (readonly string[])[];
  /** Columns with the same value in every row, written into the statement. */
  constants?: Readonly<Record<string, string | number>>;
  /**
   * Text columns (not zero-default) that take a string or its UTF-8 bytes (cast to text: the same
   * stored value; bytes skip the string's conversion in the bind, see `createBatchInserter`).
   */
  textColumns?: readonly string[];
  /**
   * A column not in `columns` that `addSplit` writes when given its `extra` value (e.g. a text
   * that few rows hold); a text column when named in `textColumns`.
   */
  extraColumn?: string;
}

function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;
}

/**
 * An inserter for wide rows that are mostly zeros (the histogram columns of the step and edge
 * tables: 175 of their 189 columns, nearly all 0). A row leaves out every block of `zeroDefault`
 * columns that holds only zeros, so SQLite writes their default instead of binding each 0. The
 * stored rows are the same as a full insert writes, in the same order (one statement per row, one
 * prepared statement per pattern of non-zero blocks). Binding is what a wide insert costs (about
 * 50 ns a value), so blocks that match where a row's values fall (`HISTOGRAM_BLOCKS` for the
 * histograms) write fewer zeros. A row's values go to `run` as arguments (better-sqlite3 reads an
 * array's elements through property lookups). Statements of exactly the non-zero columns of
 * recurring patterns (fewer binds, many more statements) measured no faster. Runs inside the
 * caller's transaction.
 */
export function createSparseInserter(
  sqlite: Database.Database,
  table: string,
  columns: readonly string[],
  options: SparseInserterOptions,
): SparseInserter {
  const constants = Object.entries(options.constants ?? {});
  const text = new Set(options.textColumns ?? []);
  const width = columns.length;
  const dense: number[] = [];
  const sparse: number[] = [];
  columns.forEach((c, i) => (options.zeroDefault.has(c) ? sparse : dense).push(i));
  const blockOf = blocksOf(
    table,
    sparse.map((i) => columns[i]!),
    options.blocks,
  );
  const statements = new Map<number, PatternStatement>();
  const paramOf = (column: string): string => (text.has(column) ? 'CAST(? AS TEXT)' : '?');
  // The statement text of every pattern starts with the constants and the dense columns.
  const headColumns = [...constants.map(([c]) => `"${c}"`), ...dense.map((i) => `"${columns[i]!}"`)];
  const headParams = [...constants.map(([, v]) => literal(v)), ...dense.map((i) => paramOf(columns[i]!))];
  // The zero-default columns of each block, in column order (a pattern binds its blocks' in block order).
  const blockColumns = Array.from({ length: MAX_BLOCKS }, (): number[] => []);
  for (let j = 0; j < sparse.length; j++) blockColumns[blockOf[j]!]!.push(j);
  const prepareFor = (mask: number): PatternStatement => {
    const bound: number[] = [];
    for (let b = 0; b < MAX_BLOCKS; b++) if (mask & (1 << b)) bound.push(...blockColumns[b]!);
    const names = headColumns.slice();
    const params = headParams.slice();
    for (const j of bound) {
      const column = columns[sparse[j]!]!;
      names.push(`"${column}"`);
      params.push(paramOf(column));
    }
    if (mask & EXTRA) {
      names.push(`"${options.extraColumn!}"`);
      params.push(paramOf(options.extraColumn!));
    }
    const stmt = sqlite.prepare(`INSERT INTO "${table}" (${names.join(', ')}) VALUES (${params.join(', ')})`);
    const s = {
      run: stmt.run.bind(stmt),
      bound: Int32Array.from(bound),
      values: new Array<SqlValue>(dense.length + bound.length + (mask & EXTRA ? 1 : 0)).fill(null),
    };
    statements.set(mask, s);
    return s;
  };
  // The lookup alone, called for every row: the rare first use of a pattern is `prepareFor`, so the
  // optimised code of this hot path stays small and no new pattern's arrays deoptimise it.
  const statementOf = (mask: number): PatternStatement => statements.get(mask) ?? prepareFor(mask);
  let written = 0;
  let lastRowid = 0;
  return {
    add(values) {
      if (values.length !== width) throw new Error(`createSparseInserter(${table}).add: expected ${width} values, got ${values.length}`);
      let mask = 0;
      for (let j = 0; j < sparse.length; j++) if (values[sparse[j]!] !== 0) mask |= 1 << blockOf[j]!;
      const s = statementOf(mask);
      const out = s.values;
      let k = 0;
      for (; k < dense.length; k++) out[k] = values[dense[k]!]!;
      for (const j of s.bound) out[k++] = values[sparse[j]!]!;
      lastRowid = Number(s.run(...out).lastInsertRowid);
      written++;
    },
    addSplit(denseValues, zeros, nonZero, extra) {
      if (denseValues.length !== dense.length || zeros.length !== sparse.length) {
        throw new Error(
          `createSparseInserter(${table}).addSplit: expected ${dense.length} + ${sparse.length} values, got ${denseValues.length} + ${zeros.length}`,
        );
      }
      let mask = 0;
      if (nonZero === undefined) {
        for (let j = 0; j < zeros.length; j++) if (zeros[j] !== 0) mask |= 1 << blockOf[j]!;
      } else {
        for (let i = 0; i < nonZero.length; i++) {
          const j = nonZero[i]!;
          if (zeros[j] !== 0) mask |= 1 << blockOf[j]!;
        }
      }
      if (extra !== undefined) {
        if (options.extraColumn === undefined)
          throw new Error(`createSparseInserter(${table}).addSplit: an extra value, but no extraColumn`);
        mask |= EXTRA;
      }
      const s = statementOf(mask);
      const out = s.values;
      let k = 0;
      for (; k < denseValues.length; k++) out[k] = denseValues[k]!;
      const bound = s.bound;
      for (let i = 0; i < bound.length; i++) out[k++] = zeros[bound[i]!]!;
      if (extra !== undefined) out[k] = extra;
      lastRowid = Number(s.run(...out).lastInsertRowid);
      written++;
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

/** The block of each zero-default column (in their column order), from `blocks` or runs of `BLOCK`. */
function blocksOf(table: string, names: readonly string[], blocks: readonly (readonly string[])[] | undefined): Int8Array {
  const where = `createSparseInserter(${table})`;
  const out = new Int8Array(names.length);
  if (blocks === undefined) {
    if (Math.ceil(names.length / BLOCK) > MAX_BLOCKS) throw new Error(`${where}: at most ${MAX_BLOCKS * BLOCK} zero-default columns`);
    for (let j = 0; j < names.length; j++) out[j] = Math.floor(j / BLOCK);
    return out;
  }
  if (blocks.length > MAX_BLOCKS) throw new Error(`${where}: at most ${MAX_BLOCKS} blocks, got ${blocks.length}`);
  const index = new Map(names.map((name, j) => [name, j]));
  out.fill(-1);
  blocks.forEach((block, b) => {
    for (const name of block) {
      const j = index.get(name);
      if (j === undefined) throw new Error(`${where}: block ${b} names ${name}, which is not a zero-default column`);
      if (out[j] !== -1) throw new Error(`${where}: column ${name} is in blocks ${out[j]} and ${b}`);
      out[j] = b;
    }
  });
  const missing = names.filter((_, j) => out[j] === -1);
  if (missing.length > 0) throw new Error(`${where}: zero-default column ${missing[0]} is in no block`);
  return out;
}

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

/** Sparse columns per block: a row binds the blocks that hold a non-zero value. */
const BLOCK = 8;

function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;
}

/**
 * An inserter for wide rows that are mostly zeros (the histogram columns of the step and edge
 * tables: 175 of their 189 columns, nearly all 0). The `zeroDefault` columns must be declared
 * `NOT NULL DEFAULT 0`; a row leaves out every block of 8 of them that holds only zeros, so
 * SQLite writes their default instead of binding each 0. The stored rows are the same as a
 * full insert writes, in the same order (one statement per row, one prepared statement per
 * pattern of non-zero blocks). Binding is what a wide insert costs (about 50 ns a value), so
 * this writes the step table several times faster. A row's values go to `run` as arguments
 * (better-sqlite3 reads an array's elements through property lookups). Statements of exactly the
 * non-zero columns of recurring patterns (fewer binds, more statements) measured no faster.
 * Runs inside the caller's transaction.
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
  const statements = new Map<number, { run: (...values: SqlValue[]) => Database.RunResult; bound: number[]; values: SqlValue[] }>();
  const statementOf = (mask: number) => {
    let s = statements.get(mask);
    if (s === undefined) {
      const bound = [...dense];
      for (let b = 0; b < blocks; b++) if (mask & (1 << b)) bound.push(...sparse.slice(b * BLOCK, (b + 1) * BLOCK));
      const names = [...constants.map(([c]) => c), ...bound.map((i) => columns[i]!)].map((c) => `"${c}"`).join(', ');
      const params = [...constants.map(([, v]) => literal(v)), ...bound.map(() => '?')].join(', ');
      const stmt = sqlite.prepare(`INSERT INTO "${table}" (${names}) VALUES (${params})`);
      s = { run: stmt.run.bind(stmt), bound, values: new Array<SqlValue>(bound.length).fill(null) };
      statements.set(mask, s);
    }
    return s;
  };
  let written = 0;
  let lastRowid = 0;
  return {
    add(values) {
      if (values.length !== width) throw new Error(`createSparseInserter(${table}).add: expected ${width} values, got ${values.length}`);
      let mask = 0;
      for (let b = 0; b < blocks; b++) {
        const end = Math.min(sparse.length, (b + 1) * BLOCK);
        for (let j = b * BLOCK; j < end; j++) {
          if (values[sparse[j]!] !== 0) {
            mask |= 1 << b;
            break;
          }
        }
      }
      const s = statementOf(mask);
      for (let k = 0; k < s.bound.length; k++) s.values[k] = values[s.bound[k]!]!;
      lastRowid = Number(s.run(...s.values).lastInsertRowid);
      written++;
    },
    addSplit(denseValues, zeros) {
      if (denseValues.length !== dense.length || zeros.length !== sparse.length) {
        throw new Error(
          `createSparseInserter(${table}).addSplit: expected ${dense.length} + ${sparse.length} values, got ${denseValues.length} + ${zeros.length}`,
        );
      }
      let mask = 0;
      for (let j = 0; j < zeros.length; j++) {
        if (zeros[j] !== 0) {
          const b = (j / BLOCK) | 0;
          mask |= 1 << b;
          j = (b + 1) * BLOCK - 1;
        }
      }
      const s = statementOf(mask);
      const out = s.values;
      let k = 0;
      for (; k < denseValues.length; k++) out[k] = denseValues[k]!;
      for (let b = 0; b < blocks; b++) {
        if ((mask & (1 << b)) === 0) continue;
        const end = Math.min(zeros.length, (b + 1) * BLOCK);
        for (let j = b * BLOCK; j < end; j++) out[k++] = zeros[j]!;
      }
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

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBatchInserter, type SqlValue } from './batch-insert';
import { createSparseInserter } from './sparse-insert';

const COLUMNS = ['name', ...Array.from({ length: 20 }, (_, i) => `c${i}`), 'tail'];
const ZERO = new Set(COLUMNS.slice(1, 21));

function table(sqlite: Database.Database, name: string): void {
  sqlite.exec(
    `CREATE TABLE ${name} (id INTEGER PRIMARY KEY, log TEXT NOT NULL, name TEXT NOT NULL, ${[...ZERO]
      .map((c, i) => `${c} ${i % 2 ? 'REAL' : 'INTEGER'} NOT NULL DEFAULT 0`)
      .join(', ')}, tail INTEGER NOT NULL)`,
  );
}

/** Every row of `name` in id order, with the storage type of each zero-default column (and of `extra` columns) after its values. */
function rowsWithTypes(sqlite: Database.Database, name: string, extra: readonly string[] = []): unknown[] {
  const types = [...extra, ...ZERO].map((c) => `typeof(${c})`).join(', ');
  return sqlite.prepare(`SELECT *, ${types} FROM ${name} ORDER BY id`).raw().all();
}

describe('createSparseInserter', () => {
  it('stores the same rows, in the same order, as a full insert', () => {
    const sqlite = new Database(':memory:');
    table(sqlite, 'full');
    table(sqlite, 'sparse');
    const rows: SqlValue[][] = [
      ['all zero', ...new Array<number>(20).fill(0), 1],
      ['first block', 3, 0.5, ...new Array<number>(18).fill(0), 2],
      ['last column', ...new Array<number>(19).fill(0), 7.25, 3],
      ['scattered', 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 4],
      ['all zero again', ...new Array<number>(20).fill(0), 5],
      ["it's dense", ...Array.from({ length: 20 }, (_, i) => i + 1), 6],
    ];
    const full = createBatchInserter(sqlite, 'full', COLUMNS, { constants: { log: 'x' } });
    const sparse = createSparseInserter(sqlite, 'sparse', COLUMNS, { zeroDefault: ZERO, constants: { log: 'x' } });
    for (const r of rows) {
      full.add(r);
      sparse.add(r);
    }
    full.flush();
    sparse.flush();
    expect(sparse.written).toBe(rows.length);
    expect(sparse.lastRowid).toBe(rows.length);
    const read = (t: string) => sqlite.prepare(`SELECT * FROM ${t} ORDER BY id`).raw().all();
    expect(read('sparse')).toEqual(read('full'));
    const types = (t: string) =>
      sqlite
        .prepare(`SELECT ${[...ZERO].map((c) => `typeof(${c})`).join(', ')} FROM ${t} ORDER BY id`)
        .raw()
        .all();
    expect(types('sparse')).toEqual(types('full'));
    expect(() => sparse.add(['short'])).toThrow(/expected 22 values, got 1/);
  });
  it('addSplit stores the same rows as add, from the dense values and the zero-default values apart', () => {
    const sqlite = new Database(':memory:');
    table(sqlite, 'whole');
    table(sqlite, 'split');
    const rows: SqlValue[][] = [
      ['all zero', ...new Array<number>(20).fill(0), 1],
      ['block two', 0, 0, 0, 0, 0, 0, 0, 0, 2.5, ...new Array<number>(11).fill(0), 2],
      ['minus zero', -0, ...new Array<number>(18).fill(0), 3, 3],
      ['dense', ...Array.from({ length: 20 }, (_, i) => i / 4), 4],
    ];
    const whole = createSparseInserter(sqlite, 'whole', COLUMNS, { zeroDefault: ZERO, constants: { log: 'x' } });
    const split = createSparseInserter(sqlite, 'split', COLUMNS, { zeroDefault: ZERO, constants: { log: 'x' } });
    for (const r of rows) {
      whole.add(r);
      split.addSplit([r[0]!, r[21]!], Float64Array.from(r.slice(1, 21) as number[]));
    }
    expect(split.written).toBe(4);
    expect(split.lastRowid).toBe(4);
    const read = (t: string) => rowsWithTypes(sqlite, t);
    expect(read('split')).toEqual(read('whole'));
    expect(() => split.addSplit(['short'], new Float64Array(20))).toThrow(/addSplit: expected 2 \+ 20 values, got 1 \+ 20/);
  });
  it('addSplit with an extra value writes the extra column, and leaves it to its default without', () => {
    const sqlite = new Database(':memory:');
    table(sqlite, 'noted');
    sqlite.exec('ALTER TABLE noted ADD COLUMN note TEXT');
    const noted = createSparseInserter(sqlite, 'noted', COLUMNS, {
      zeroDefault: ZERO,
      constants: { log: 'x' },
      textColumns: ['note'],
      extraColumn: 'note',
    });
    const zeros = new Float64Array(20);
    zeros[3] = 7;
    noted.addSplit(['a', 1], zeros, undefined, Buffer.from('første', 'utf8'));
    noted.addSplit(['b', 2], zeros);
    noted.addSplit(['c', 3], new Float64Array(20), [], 'plain');
    expect(noted.lastRowid).toBe(3);
    expect(sqlite.prepare('SELECT name, c3, tail, note, typeof(note) FROM noted ORDER BY id').raw().all()).toEqual([
      ['a', 7, 1, 'første', 'text'],
      ['b', 7, 2, null, 'null'],
      ['c', 0, 3, 'plain', 'text'],
    ]);
    const plain = createSparseInserter(sqlite, 'noted', COLUMNS, { zeroDefault: ZERO, constants: { log: 'x' } });
    expect(() => plain.addSplit(['d', 4], zeros, undefined, 'x')).toThrow(/noted\)\.addSplit: an extra value, but no extraColumn/);
  });

  it('addSplit with the non-zero positions listed and text columns given as UTF-8 bytes stores the same rows as add', () => {
    const sqlite = new Database(':memory:');
    table(sqlite, 'whole');
    table(sqlite, 'listed');
    const rows: SqlValue[][] = [
      ['København', 0, 0, 0, 0, 0, 0, 0, 0, 2.5, ...new Array<number>(11).fill(0), 2],
      ['Århus', -0, ...new Array<number>(18).fill(0), 3, 3],
      ['Ø', 1, ...new Array<number>(19).fill(0), 4],
    ];
    const whole = createSparseInserter(sqlite, 'whole', COLUMNS, { zeroDefault: ZERO, constants: { log: 'x' } });
    const listed = createSparseInserter(sqlite, 'listed', COLUMNS, { zeroDefault: ZERO, constants: { log: 'x' }, textColumns: ['name'] });
    // The last row lists a position that holds 0 (left out, as add leaves it) beside its non-zero one.
    const nonZero = [[8], [0, 19], [0, 5]];
    rows.forEach((r, i) => {
      whole.add(r);
      listed.addSplit([Buffer.from(r[0] as string, 'utf8'), r[21]!], Float64Array.from(r.slice(1, 21) as number[]), nonZero[i]);
    });
    const read = (t: string) => rowsWithTypes(sqlite, t, ['name']);
    expect(read('listed')).toEqual(read('whole'));
    expect(sqlite.prepare('SELECT name FROM listed ORDER BY id').pluck().all()).toEqual(['København', 'Århus', 'Ø']);
  });
  it('stores 300 rows of recurring and rare patterns as a full insert does, ids in order', () => {
    const sqlite = new Database(':memory:');
    table(sqlite, 'full');
    table(sqlite, 'sparse');
    // 300 rows: three patterns recur and one row in seven has a pattern of its own, so the
    // statements of the patterns of blocks take turns, each writing several rows.
    const rows: SqlValue[][] = Array.from({ length: 300 }, (_, r) => {
      const values = new Array<number>(20).fill(0);
      if (r % 7 === 0) {
        values[r % 20] = r;
        values[(r * 3) % 20] = 0.25;
      } else if (r % 3 === 0) values[2] = r;
      else if (r % 3 === 1) [values[0], values[19]] = [1, r / 8];
      else [values[5], values[6], values[7], values[8]] = [r, 2, 3, 4];
      return [`row ${r}`, ...values, r];
    });
    const full = createBatchInserter(sqlite, 'full', COLUMNS, { constants: { log: 'x' } });
    const sparse = createSparseInserter(sqlite, 'sparse', COLUMNS, { zeroDefault: ZERO, constants: { log: 'x' } });
    const ids: number[] = [];
    for (const r of rows) {
      full.add(r);
      sparse.addSplit([r[0]!, r[21]!], Float64Array.from(r.slice(1, 21) as number[]));
      ids.push(sparse.lastRowid);
    }
    full.flush();
    expect(ids).toEqual(rows.map((_, i) => i + 1));
    const read = (t: string) => rowsWithTypes(sqlite, t);
    expect(read('sparse')).toEqual(read('full'));
  });
  it('writes after rows already in the table, lastRowid following their ids', () => {
    const sqlite = new Database(':memory:');
    table(sqlite, 'steps');
    sqlite.exec(`INSERT INTO steps (id, log, name, tail) VALUES (41, 'old', 'before', 0)`);
    const sparse = createSparseInserter(sqlite, 'steps', COLUMNS, { zeroDefault: ZERO, constants: { log: 'x' } });
    for (let r = 0; r < 5; r++) sparse.add(['same', 0, 0, 3, ...new Array<number>(17).fill(0), r]);
    expect(sparse.lastRowid).toBe(46);
    expect(sqlite.prepare(`SELECT id, c2, tail FROM steps WHERE log = 'x' ORDER BY id`).raw().all()).toEqual(
      [42, 43, 44, 45, 46].map((id, r) => [id, 3, r]),
    );
  });
  it('with blocks given, stores the same rows as a full insert, and refuses blocks that miss or repeat a column', () => {
    const sqlite = new Database(':memory:');
    table(sqlite, 'full');
    table(sqlite, 'blocked');
    // Columns grouped out of column order: c0 with c10, c1 with c11, ...
    const blocks = Array.from({ length: 10 }, (_, b) => [`c${b}`, `c${b + 10}`]);
    const rows: SqlValue[][] = Array.from({ length: 60 }, (_, r) => {
      const values = new Array<number>(20).fill(0);
      values[r % 20] = r + 0.5;
      if (r % 4 === 0) values[(r * 7) % 20] = 2;
      return [`row ${r}`, ...values, r];
    });
    const full = createBatchInserter(sqlite, 'full', COLUMNS, { constants: { log: 'x' } });
    const blocked = createSparseInserter(sqlite, 'blocked', COLUMNS, { zeroDefault: ZERO, blocks, constants: { log: 'x' } });
    rows.forEach((r, i) => {
      full.add(r);
      if (i % 2) blocked.add(r);
      else blocked.addSplit([r[0]!, r[21]!], Float64Array.from(r.slice(1, 21) as number[]));
      expect(blocked.lastRowid).toBe(i + 1);
    });
    full.flush();
    const read = (t: string) => rowsWithTypes(sqlite, t);
    expect(read('blocked')).toEqual(read('full'));
    const make = (b: string[][]) => () => createSparseInserter(sqlite, 'blocked', COLUMNS, { zeroDefault: ZERO, blocks: b });
    expect(make(blocks.slice(1))).toThrow(/createSparseInserter\(blocked\): zero-default column c0 is in no block/);
    expect(make([...blocks, ['c3']])).toThrow(/column c3 is in blocks 3 and 10/);
    expect(make([...blocks, ['tail']])).toThrow(/block 10 names tail, which is not a zero-default column/);
    expect(make(Array.from({ length: 31 }, () => []))).toThrow(/at most 30 blocks, got 31/);
  });
});

import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { declaredTypes, jsonRowSql, zeroTexts } from './json-row-sql';
import type { QueryColumn } from './table-query';

const column = (name: string, edm: string): QueryColumn => ({ name, edm, timeUnitMs: 1 });

/** A table with a run of 10 INTEGER, 10 REAL and 10 NUMERIC columns between text, boolean and date-time columns. */
function wideTable() {
  const sqlite = new Database(':memory:');
  const ints = Array.from({ length: 10 }, (_, i) => `i${i}`);
  const reals = Array.from({ length: 10 }, (_, i) => `r${i}`);
  const nums = Array.from({ length: 10 }, (_, i) => `n${i}`);
  sqlite.exec(
    `CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, ${ints.map((c) => `${c} INTEGER`).join(', ')}, flag INTEGER, ` +
      `${reals.map((c) => `${c} REAL`).join(', ')}, at INTEGER, ${nums.map((c) => `${c} NUMERIC`).join(', ')})`,
  );
  const columns = [
    column('id', 'Edm.Int64'),
    column('name', 'Edm.String'),
    ...ints.map((c) => column(c, 'Edm.Int64')),
    column('flag', 'Edm.Boolean'),
    ...reals.map((c) => column(c, 'Edm.Double')),
    column('at', 'Edm.DateTimeOffset'),
    ...nums.map((c) => column(c, 'Edm.Double')),
  ];
  const all = columns.map((c) => c.name);
  const insert = sqlite.prepare(`INSERT INTO t (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`);
  const rows: unknown[][] = [
    [1, 'zeros', ...ints.map(() => 0), 1, ...reals.map(() => 0), 1.7e12, ...nums.map(() => 0)],
    [
      2,
      'a "quoted" }',
      ...ints.map((_, i) => (i === 4 ? 7 : 0)),
      0,
      ...reals.map((_, i) => (i === 9 ? 1 / 3 : 0)),
      0,
      ...nums.map(() => 0.5),
    ],
    [3, null, ...ints.map(() => null), null, ...reals.map(() => -0), null, ...nums.map(() => null)],
    [4, '', ...ints.map((_, i) => (i === 0 ? 0.5 : 0)), 1, ...reals.map(() => 1e300), 1, ...nums.map(() => 3)],
  ];
  for (const row of rows) insert.run(...row);
  return { sqlite, columns };
}

describe('jsonRowSql', () => {
  it('zeroTexts: INTEGER columns write 0 and REAL columns 0.0; NUMERIC, boolean and date-time columns are never blocks', () => {
    const { sqlite, columns } = wideTable();
    const zeros = zeroTexts(declaredTypes(sqlite, 't'), columns);
    expect(zeros.get('i3')).toBe('0');
    expect(zeros.get('r3')).toBe('0.0');
    expect(zeros.get('id')).toBe('0');
    for (const name of ['n3', 'flag', 'at', 'name']) expect(zeros.has(name)).toBe(false);
  });

  it('writes every row with the same text as one json_object over all columns: zero blocks, NULLs, reals in INTEGER columns, -0.0', () => {
    const { sqlite, columns } = wideTable();
    const rowSql = jsonRowSql(columns, zeroTexts(declaredTypes(sqlite, 't'), columns));
    expect(rowSql).toContain('\'"i0":0,"i1":0');
    expect(rowSql).toContain('\'"r0":0.0,"r1":0.0');
    const plain = `json_object(${columns
      .map((c) =>
        c.edm === 'Edm.Boolean'
          ? `'${c.name}', CASE WHEN ${c.name} IS NULL THEN NULL WHEN ${c.name} THEN json('true') ELSE json('false') END`
          : c.edm === 'Edm.DateTimeOffset'
            ? `'${c.name}', strftime('%Y-%m-%dT%H:%M:%fZ', ${c.name} * 0.001, 'unixepoch')`
            : `'${c.name}', ${c.name}`,
      )
      .join(', ')})`;
    const now = sqlite.prepare(`SELECT ${rowSql} FROM t ORDER BY id`).pluck().all() as string[];
    const old = sqlite.prepare(`SELECT ${plain} FROM t ORDER BY id`).pluck().all() as string[];
    expect(now).toEqual(old);
    expect(JSON.parse(now[1]!)).toMatchObject({ name: 'a "quoted" }', i4: 7, flag: false, r9: 1 / 3, n0: 0.5 });
    expect(JSON.parse(now[3]!)).toMatchObject({ i0: 0.5, at: '1970-01-01T00:00:00.001Z' });
  });

  it('an empty column list writes {}', () => {
    expect(
      new Database(':memory:')
        .prepare(`SELECT ${jsonRowSql([], new Map())}`)
        .pluck()
        .get(),
    ).toBe('{}');
  });
});

import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { BUCKET_COLUMNS, FINE_COUNT_COLUMNS, FINE_SECONDS_COLUMNS } from '@sagsflow/shared';

const HISTOGRAM = [...BUCKET_COLUMNS, ...FINE_COUNT_COLUMNS, ...FINE_SECONDS_COLUMNS];
import { openDatabase } from '../client';
import * as schema from '../schema';
import { describeSchema } from '../../http/model/table-info';
import { fetchJsonRowsPage } from './json-page';
import { columnEquals, quoteIdent } from './fragment';
import { pageSql, type PageRequest, type QueryColumn, type TableQuery } from './table-query';

/** The rendering this file replaced (wave 3): one `json_object` per row in chunks of 60 columns, rows joined in JavaScript, LIMIT n + 1. */
function oldJsonObjectSql(columns: readonly QueryColumn[]): string {
  const expr = (c: QueryColumn) => {
    const col = quoteIdent(c.name);
    if (c.edm === 'Edm.DateTimeOffset') return `strftime('%Y-%m-%dT%H:%M:%fZ', ${col} * ${c.timeUnitMs / 1000}, 'unixepoch')`;
    if (c.edm === 'Edm.Boolean') return `CASE WHEN ${col} IS NULL THEN NULL WHEN ${col} THEN json('true') ELSE json('false') END`;
    return col;
  };
  const chunks: string[] = [];
  for (let i = 0; i < columns.length; i += 60) {
    chunks.push(
      `json_object(${columns
        .slice(i, i + 60)
        .map((c) => `'${c.name}', ${expr(c)}`)
        .join(', ')})`,
    );
  }
  if (chunks.length === 1) return chunks[0]!;
  return chunks
    .map((ch, i) => (i === 0 ? `rtrim(${ch}, '}')` : i === chunks.length - 1 ? `ltrim(${ch}, '{')` : `ltrim(rtrim(${ch}, '}'), '{')`))
    .join(` || ',' || `);
}

function oldPage(sqlite: Database.Database, q: TableQuery, page: PageRequest) {
  const columns = q.select ? q.table.columns.filter((c) => q.select!.includes(c.name)) : q.table.columns;
  const { sql, params } = pageSql(
    q,
    { ...page, limit: page.limit + 1 },
    [oldJsonObjectSql(columns), ...q.table.key.map(quoteIdent)].join(', '),
  );
  const rows = sqlite
    .prepare(sql)
    .raw(true)
    .all(...params) as unknown[][];
  const kept = rows.slice(0, page.limit);
  return {
    json: `[${kept.map((r) => r[0]).join(',')}]`,
    lastKey: kept.length === page.limit && page.limit > 0 ? kept[kept.length - 1]!.slice(1) : null,
    more: rows.length > page.limit && page.limit > 0,
  };
}

/** Row by row, key by key: the same properties in the same order, numbers equal as numbers, everything else equal. */
function expectSameRows(actual: Record<string, unknown>[], expected: Record<string, unknown>[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    const old = expected[i]!;
    if (Object.keys(row).join() !== Object.keys(old).join()) expect(Object.keys(row)).toEqual(Object.keys(old));
    for (const [k, v] of Object.entries(row)) {
      if (typeof v === 'number' && typeof old[k] === 'number' && v === old[k]) continue;
      expect({ row: i, column: k, value: v }).toEqual({ row: i, column: k, value: old[k] });
    }
  });
}

const TEXTS = ['Ansøgning', 'say "hi" \\ back}', 'emoji 🙂 tab\tnew\nline', '{brace', ''];

/** 5,300 step rows: histogram buckets mostly 0 with some counts, sums with 17-digit and huge values, NULL and awkward texts. */
function seedSteps(sqlite: Database.Database): void {
  const cols = ['log', 'version', 'process', 'jobcenter', 'period', 'variant_key', 'step_index', 'from_activity', 'to_activity'];
  const more = ['cases', 'sum_seconds', 'violated_rules', 'skipped_activities', 'finished', ...HISTOGRAM];
  const all = [...cols, ...more];
  const insert = sqlite.prepare(`INSERT INTO steps (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`);
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  sqlite.transaction(() => {
    for (let i = 0; i < 5300; i++) {
      const text = TEXTS[i % TEXTS.length]!;
      const hist = HISTOGRAM.map((name, b) => {
        const nonZero = rand() < 0.03 || b === i % HISTOGRAM.length;
        if (!nonZero) return 0;
        return name.startsWith('s') ? [1 / 3, 1e-7, 123456789.123, 1e300, 86400 * rand()][i % 5]! : 1 + Math.floor(rand() * 1000);
      });
      insert.run(
        ['a', 'b'][i % 2],
        1,
        'dagpenge',
        `Jobcenter ${i % 7}`,
        `2025-${String((i % 12) + 1).padStart(2, '0')}`,
        `v${i % 97}`,
        i % 9,
        text,
        `To ${i}`,
        i % 50,
        i % 4 === 0 ? 0.1 + 0.2 : rand() * 1e6,
        i % 3 === 0 ? null : text,
        i % 5 === 0 ? null : '["x"]',
        i % 2,
        ...hist,
      );
    }
  })();
}

describe('fetchJsonRowsPage', () => {
  const store = openDatabase(':memory:');
  seedSteps(store.sqlite);
  const steps = describeSchema(schema).get('Steps')!;
  const base: TableQuery = { table: steps, where: [], orderBy: [], select: null };

  it('a 5,000-row Steps page equals the old rendering row by row, with the same last key and following row', () => {
    for (const page of [
      { limit: 5000, offset: 0, after: null },
      { limit: 1000, offset: 0, after: [4250] },
      { limit: 1000, offset: 4300, after: null },
    ]) {
      const now = fetchJsonRowsPage(store.sqlite, base, page);
      const old = oldPage(store.sqlite, base, page);
      const rows = JSON.parse(`[${now.body.toString('utf8')}]`) as Record<string, unknown>[];
      expect(rows).toHaveLength(page.limit);
      // Here even the text is the same: the zero blocks write 0 and 0.0 as json_object does.
      expect(`[${now.body.toString('utf8')}]` === old.json).toBe(true);
      expectSameRows(rows, JSON.parse(old.json) as Record<string, unknown>[]);
      expect({ lastKey: now.lastKey, more: now.more }).toEqual({ lastKey: old.lastKey, more: old.more });
    }
  });

  it('filters, $orderby, $select, the last page, a page that ends the table exactly and an empty page match the old rendering', () => {
    const cases: [TableQuery, PageRequest][] = [
      [
        { ...base, where: [columnEquals('log', 'b')] },
        { limit: 2000, offset: 0, after: [4000] },
      ],
      [
        { ...base, orderBy: [{ column: 'sum_seconds', desc: true }] },
        { limit: 700, offset: 4900, after: null },
      ],
      [
        { ...base, select: ['jobcenter', 'cases', 's07'] },
        { limit: 100, offset: 0, after: [5200] },
      ],
      [base, { limit: 300, offset: 5000, after: null }],
      [base, { limit: 10, offset: 0, after: [5300] }],
      [base, { limit: 0, offset: 0, after: null }],
    ];
    for (const [q, page] of cases) {
      const now = fetchJsonRowsPage(store.sqlite, q, page);
      const old = oldPage(store.sqlite, q, page);
      expectSameRows(
        JSON.parse(`[${now.body.toString('utf8')}]`) as Record<string, unknown>[],
        JSON.parse(old.json) as Record<string, unknown>[],
      );
      expect({ lastKey: now.lastKey, more: now.more }).toEqual({ lastKey: old.lastKey, more: old.more });
    }
  });

  it('writes the values of a zero block as json_object does: a stored -0.0 reads back as 0.0 in both, negatives and tiny reals as they are', () => {
    const q: TableQuery = { ...base, select: ['id', ...HISTOGRAM] };
    store.sqlite.prepare('UPDATE steps SET s03 = ?, h05 = -1, s10 = 1e-300, d20 = 0.5 WHERE id = 3').run(-0);
    const now = `[${fetchJsonRowsPage(store.sqlite, q, { limit: 5, offset: 0, after: null }).body.toString('utf8')}]`;
    const old = oldPage(store.sqlite, q, { limit: 5, offset: 0, after: null }).json;
    expect(now).toBe(old);
    expect(JSON.parse(now)[2]).toMatchObject({ s03: 0, h05: -1, s10: 1e-300, d20: 0.5 });
  });

  it('renders date-times as ISO text and booleans as true/false, like the old rendering', () => {
    const cases = describeSchema(schema).get('Cases')!;
    const cols = [
      'log',
      'version',
      'process',
      'jobcenter',
      'period',
      'case_id',
      'start',
      'end',
      'duration_seconds',
      'events',
      'variant_key',
      'open',
    ];
    const insert = store.sqlite.prepare(`INSERT INTO cases (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    for (let i = 0; i < 30; i++) {
      insert.run(
        'a',
        1,
        'dagpenge',
        'Jobcenter 1',
        '2025-01',
        `c${i}`,
        1.7e12 + i * 86_400_123,
        1.7e12 + i * 90_000_000,
        i * 1.5,
        i,
        'v',
        i % 2,
      );
    }
    const q: TableQuery = { table: cases, where: [], orderBy: [], select: null };
    const now = fetchJsonRowsPage(store.sqlite, q, { limit: 20, offset: 0, after: null });
    const old = oldPage(store.sqlite, q, { limit: 20, offset: 0, after: null });
    const rows = JSON.parse(`[${now.body.toString('utf8')}]`) as Record<string, unknown>[];
    expect(rows[1]).toMatchObject({ start: new Date(1.7e12 + 86_400_123).toISOString(), open: true });
    expectSameRows(rows, JSON.parse(old.json) as Record<string, unknown>[]);
    expect(now.more).toBe(true);
  });
});

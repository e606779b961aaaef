import type Database from 'better-sqlite3';
import { quoteIdent } from './fragment';
import type { QueryColumn } from './table-query';

/**
 * Most columns one `json_object` call takes: two arguments a column, and the SQLite bundled
 * with better-sqlite3 allows 1,000 function arguments (a step row's 195 columns fit one call).
 */
const MAX_JSON_COLUMNS = 400;
/** Shortest run of numeric columns written as zero blocks, and the most columns in one block. */
const MIN_ZERO_RUN = 8;
const ZERO_BLOCK = 25;

/** SQL that renders a column as its JSON value (ISO date-times, true/false) inside `json_object`. */
function jsonExpr(c: QueryColumn): string {
  const col = quoteIdent(c.name);
  if (c.edm === 'Edm.DateTimeOffset') return `strftime('%Y-%m-%dT%H:%M:%fZ', ${col} * ${c.timeUnitMs / 1000}, 'unixepoch')`;
  if (c.edm === 'Edm.Boolean') return `CASE WHEN ${col} IS NULL THEN NULL WHEN ${col} THEN json('true') ELSE json('false') END`;
  return col;
}

const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** `"name":value,...` of some columns: their `json_object` without its braces (every value is a scalar, so the only braces at its ends are its own). */
function membersSql(columns: readonly QueryColumn[]): string {
  return `ltrim(rtrim(json_object(${columns.map((c) => `${sqlText(c.name)}, ${jsonExpr(c)}`).join(', ')}), '}'), '{')`;
}

/**
 * The members of a block of numeric columns: a constant when all are 0 (as `json_object`
 * writes them: `0` in an INTEGER column, `0.0` in a REAL one), else their `json_object`.
 */
function zeroBlockSql(columns: readonly QueryColumn[], zeros: ReadonlyMap<string, string>): string {
  const allZero = columns.map((c) => `${quoteIdent(c.name)} = 0`).join(' AND ');
  const constant = columns.map((c) => `${JSON.stringify(c.name)}:${zeros.get(c.name)}`).join(',');
  return `CASE WHEN ${allZero} THEN ${sqlText(constant)} ELSE ${membersSql(columns)} END`;
}

/**
 * How `json_object` writes a zero in each numeric column whose every zero is written alike:
 * INTEGER affinity stores any zero as the integer 0 (`0`), REAL affinity as a real (`0.0`; SQLite
 * stores a whole real as an integer on disk and reads it back as a real, so a -0.0 reads back as
 * 0.0). Other columns (NUMERIC, untyped, booleans, date-times) are absent.
 */
export function zeroTexts(declaredTypes: ReadonlyMap<string, string>, columns: readonly QueryColumn[]): Map<string, string> {
  const zeros = new Map<string, string>();
  for (const c of columns) {
    const declared = declaredTypes.get(c.name)?.toUpperCase();
    if (c.edm === 'Edm.Int64' && declared === 'INTEGER') zeros.set(c.name, '0');
    if (c.edm === 'Edm.Double' && declared === 'REAL') zeros.set(c.name, '0.0');
  }
  return zeros;
}

/**
 * The SQL of a row as JSON object text, the same text `json_object` over all columns gives.
 * Runs of numeric columns (a step row's 175 histogram buckets, nearly all 0) are written in
 * blocks that are a constant when all their values are 0: SQLite then checks 25 values instead
 * of converting each to text, which makes a wide page about a quarter cheaper to render.
 */
export function jsonRowSql(columns: readonly QueryColumn[], zeros: ReadonlyMap<string, string>): string {
  const pieces: string[] = [];
  let plain: QueryColumn[] = [];
  const flush = () => {
    for (let i = 0; i < plain.length; i += MAX_JSON_COLUMNS) pieces.push(membersSql(plain.slice(i, i + MAX_JSON_COLUMNS)));
    plain = [];
  };
  for (let i = 0; i < columns.length;) {
    let end = i;
    while (end < columns.length && zeros.has(columns[end]!.name)) end++;
    if (end - i >= MIN_ZERO_RUN) {
      flush();
      for (let b = i; b < end; b += ZERO_BLOCK) pieces.push(zeroBlockSql(columns.slice(b, Math.min(end, b + ZERO_BLOCK)), zeros));
      i = end;
    } else {
      plain.push(...columns.slice(i, Math.max(end, i + 1)));
      i = Math.max(end, i + 1);
    }
  }
  flush();
  if (pieces.length === 0) return `'{}'`;
  return `concat('{', ${pieces.join(`, ',', `)}, '}')`;
}

const declaredCache = new WeakMap<Database.Database, Map<string, Map<string, string>>>();

/** The declared type of each column of a table (`PRAGMA table_info`), read once per connection. */
export function declaredTypes(sqlite: Database.Database, table: string): Map<string, string> {
  let tables = declaredCache.get(sqlite);
  if (!tables) declaredCache.set(sqlite, (tables = new Map()));
  let types = tables.get(table);
  if (!types) {
    const rows = sqlite.prepare('SELECT name, type FROM pragma_table_info(?)').all(table) as { name: string; type: string }[];
    types = new Map(rows.map((r) => [r.name, r.type]));
    tables.set(table, types);
  }
  return types;
}

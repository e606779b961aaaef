import type { ColumnInfo, TableInfo } from '../model/table-info';
import type { FilterExpr, FilterOperand } from './filter-parser';
import { ODataQueryError } from './odata-error';
import { concatSql as cat, quoteIdent, type SqlFragment } from '../../db/sql/fragment';

const SQL_OPS = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' } as const;
const ARITH_OPS = { add: '+', sub: '-', mul: '*', div: '/', mod: '%' } as const;
const DATE_PARTS = { year: '%Y', month: '%m', day: '%d', hour: '%H', minute: '%M', second: '%S' } as const;

/** Looks up a column of a table or throws a 400 naming the unknown property. */
export function columnOf(table: TableInfo, name: string, option: string): ColumnInfo {
  const column = table.columns.find((c) => c.name === name);
  if (!column) {
    throw new ODataQueryError(
      `${option}: unknown property '${name}' of ${table.entitySet}; known: ${table.columns.map((c) => c.name).join(', ')}`,
    );
  }
  return column;
}

type ValueType = 'string' | 'number' | 'boolean' | 'datetime' | 'null';
/** A compiled operand: its SQL (the one `SqlFragment` type) and the OData type of its value. */
interface Compiled extends SqlFragment {
  type: ValueType;
}

/** A fragment of SQL text alone (a quoted identifier or NULL). */
const text = (sql: string): SqlFragment => ({ sql, params: [] });

const TYPE_OF_EDM: Record<ColumnInfo['edm'], ValueType> = {
  'Edm.String': 'string',
  'Edm.Int64': 'number',
  'Edm.Double': 'number',
  'Edm.Boolean': 'boolean',
  'Edm.DateTimeOffset': 'datetime',
};

function literalValue(lit: Extract<FilterOperand, { kind: 'literal' }>, column: ColumnInfo | null, expected: ValueType | null): unknown {
  const where = `at position ${lit.pos}`;
  if (column === null) {
    if (expected !== null && lit.type !== 'null' && lit.type !== expected) {
      throw new ODataQueryError(`$filter: cannot compare a ${expected} with ${lit.type} literal ${JSON.stringify(lit.value)} ${where}`);
    }
    return lit.type === 'boolean' ? (lit.value ? 1 : 0) : lit.value;
  }
  const mismatch = (): never => {
    throw new ODataQueryError(
      `$filter: cannot compare property '${column.name}' (${column.edm}) with ${lit.type} literal ${JSON.stringify(lit.value)} ${where}`,
    );
  };
  switch (column.edm) {
    case 'Edm.String':
      return lit.type === 'string' ? lit.value : mismatch();
    case 'Edm.Int64':
    case 'Edm.Double':
      return lit.type === 'number' ? lit.value : mismatch();
    case 'Edm.Boolean':
      return lit.type === 'boolean' ? (lit.value ? 1 : 0) : mismatch();
    case 'Edm.DateTimeOffset':
      return lit.type === 'datetime' ? lit.value / column.timeUnitMs : mismatch();
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (m) => `\\${m}`);
}

function expectType(c: Compiled, type: ValueType, what: string, pos: number): SqlFragment {
  if (c.type !== type && c.type !== 'null')
    throw new ODataQueryError(`$filter: ${what} expects a ${type}, got a ${c.type} at position ${pos}`);
  return c;
}

/** Compiles an operand; `other` is the operand it is compared with (a literal takes the type of a property it meets). */
function value(table: TableInfo, op: FilterOperand, other: FilterOperand | null): Compiled {
  switch (op.kind) {
    case 'property': {
      const column = columnOf(table, op.name, '$filter');
      return { ...text(quoteIdent(column.name)), type: TYPE_OF_EDM[column.edm] };
    }
    case 'literal': {
      const column = other?.kind === 'property' ? columnOf(table, other.name, '$filter') : null;
      const expected = other && other.kind !== 'property' && other.kind !== 'literal' ? value(table, other, null).type : null;
      return { sql: '?', params: [literalValue(op, column, expected)], type: op.type };
    }
    case 'arith': {
      const l = expectType(value(table, op.left, op.right), 'number', op.op, op.pos);
      const r = expectType(value(table, op.right, op.left), 'number', op.op, op.pos);
      return { ...cat('(', l, ` ${ARITH_OPS[op.op]} `, r, ')'), type: 'number' };
    }
    case 'function':
      return functionSql(table, op);
  }
}

function functionSql(table: TableInfo, op: Extract<FilterOperand, { kind: 'function' }>): Compiled {
  const arg = (i: number, type: ValueType) => expectType(value(table, op.args[i]!, null), type, `${op.fn}()`, op.pos);
  switch (op.fn) {
    case 'contains':
    case 'startswith':
    case 'endswith': {
      const subject = arg(0, 'string');
      const needle = op.args[1]!;
      if (needle.kind === 'literal' && needle.type === 'string') {
        const pattern = escapeLike(needle.value);
        const like = { sql: '?', params: [op.fn === 'contains' ? `%${pattern}%` : op.fn === 'startswith' ? `${pattern}%` : `%${pattern}`] };
        return { ...cat('(', subject, ' LIKE ', like, " ESCAPE '\\')"), type: 'boolean' };
      }
      const other = arg(1, 'string');
      const sql =
        op.fn === 'contains'
          ? cat('(instr(', subject, ', ', other, ') > 0)')
          : op.fn === 'startswith'
            ? cat('(substr(', subject, ', 1, length(', other, ')) = ', other, ')')
            : cat('(substr(', subject, ', -length(', other, ')) = ', other, ')');
      return { ...sql, type: 'boolean' };
    }
    case 'tolower':
      return { ...cat('lower(', arg(0, 'string'), ')'), type: 'string' };
    case 'toupper':
      return { ...cat('upper(', arg(0, 'string'), ')'), type: 'string' };
    case 'trim':
      return { ...cat('trim(', arg(0, 'string'), ')'), type: 'string' };
    case 'concat':
      return { ...cat('(', arg(0, 'string'), ' || ', arg(1, 'string'), ')'), type: 'string' };
    case 'length':
      return { ...cat('length(', arg(0, 'string'), ')'), type: 'number' };
    case 'indexof':
      return { ...cat('(instr(', arg(0, 'string'), ', ', arg(1, 'string'), ') - 1)'), type: 'number' };
    default: {
      const target = op.args[0]!;
      const column = target.kind === 'property' ? columnOf(table, target.name, '$filter') : null;
      if (!column || column.edm !== 'Edm.DateTimeOffset') {
        throw new ODataQueryError(`$filter: ${op.fn}() expects a date-time property at position ${op.pos}`);
      }
      const seconds = `(${quoteIdent(column.name)} * ${column.timeUnitMs / 1000})`;
      return { ...text(`CAST(strftime('${DATE_PARTS[op.fn]}', ${seconds}, 'unixepoch') AS INTEGER)`), type: 'number' };
    }
  }
}

function compile(table: TableInfo, e: FilterExpr): SqlFragment {
  switch (e.kind) {
    case 'and':
    case 'or':
      return cat('(', compile(table, e.left), ` ${e.kind.toUpperCase()} `, compile(table, e.right), ')');
    case 'not':
      return cat('(NOT ', compile(table, e.operand), ')');
    case 'truthy': {
      if (e.operand.kind !== 'property' || columnOf(table, e.operand.name, '$filter').edm !== 'Edm.Boolean') {
        const shown =
          e.operand.kind === 'property' ? e.operand.name : e.operand.kind === 'literal' ? JSON.stringify(e.operand.value) : e.operand.kind;
        throw new ODataQueryError(`$filter: expected a comparison (eq, ne, gt, ge, lt, le) after '${shown}' at position ${e.operand.pos}`);
      }
      return text(`(${quoteIdent(e.operand.name)} = 1)`);
    }
    case 'call':
      const { type: _type, ...call } = functionSql(table, { kind: 'function', fn: e.fn, args: [e.property, e.value], pos: e.property.pos });
      return call;
    case 'in': {
      const left = value(table, e.left, null);
      const marks = e.values.map((v) => {
        if (v.kind !== 'literal') throw new ODataQueryError(`$filter: 'in' takes a list of literals at position ${v.pos}`);
        return value(table, v, e.left);
      });
      return cat('(', left, ' IN (', ...marks.flatMap((m, i) => (i === 0 ? [m] : [', ', m])), '))');
    }
    case 'compare': {
      const { left, right, op } = e;
      const nullSide =
        left.kind === 'literal' && left.type === 'null' ? right : right.kind === 'literal' && right.type === 'null' ? left : null;
      if (nullSide) {
        if (op !== 'eq' && op !== 'ne') throw new ODataQueryError(`$filter: '${op}' cannot compare with null; use eq or ne`);
        const side = nullSide.kind === 'literal' ? text('NULL') : value(table, nullSide, null);
        return cat('(', side, ` IS ${op === 'eq' ? '' : 'NOT '}NULL)`);
      }
      const l = value(table, left, right);
      const r = value(table, right, left);
      if (l.type !== r.type)
        throw new ODataQueryError(
          `$filter: cannot compare a ${l.type} with a ${r.type} ('${op}' at position ${'pos' in left ? left.pos : 0})`,
        );
      return cat('(', l, ` ${SQL_OPS[op]} `, r, ')');
    }
  }
}

/** Compiles a parsed `$filter` into a parameterised SQL condition over `table`'s columns. */
export function filterToSql(table: TableInfo, expr: FilterExpr): SqlFragment {
  const { sql, params } = compile(table, expr);
  return { sql, params };
}

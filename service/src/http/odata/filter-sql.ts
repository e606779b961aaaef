import type { ColumnInfo, TableInfo } from '../model/table-info';
import type { FilterExpr, FilterOperand } from './filter-parser';
import { ODataQueryError } from './odata-error';
import { quoteIdent, type SqlFragment } from '../model/sql';

const SQL_OPS = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' } as const;

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

function literalValue(lit: Extract<FilterOperand, { kind: 'literal' }>, column: ColumnInfo | null): unknown {
  const where = `at position ${lit.pos}`;
  if (column === null) return lit.type === 'boolean' ? (lit.value ? 1 : 0) : lit.value;
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

function operandSql(table: TableInfo, op: FilterOperand, other: FilterOperand, params: unknown[]): string {
  if (op.kind === 'property') return quoteIdent(columnOf(table, op.name, '$filter').name);
  const column = other.kind === 'property' ? columnOf(table, other.name, '$filter') : null;
  params.push(literalValue(op, column));
  return '?';
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (m) => `\\${m}`);
}

function compile(table: TableInfo, e: FilterExpr, params: unknown[]): string {
  switch (e.kind) {
    case 'and':
    case 'or':
      return `(${compile(table, e.left, params)} ${e.kind.toUpperCase()} ${compile(table, e.right, params)})`;
    case 'not':
      return `(NOT ${compile(table, e.operand, params)})`;
    case 'truthy': {
      if (e.operand.kind !== 'property' || columnOf(table, e.operand.name, '$filter').edm !== 'Edm.Boolean') {
        const shown = e.operand.kind === 'property' ? e.operand.name : JSON.stringify(e.operand.value);
        throw new ODataQueryError(
          `$filter: expected a comparison (eq, ne, gt, ge, lt, le) after '${shown}' at position ${e.operand.pos}`,
        );
      }
      return `(${quoteIdent(e.operand.name)} = 1)`;
    }
    case 'call': {
      if (e.property.kind !== 'property' || e.value.kind !== 'literal' || e.value.type !== 'string') {
        throw new ODataQueryError(`$filter: ${e.fn}(property, 'text') expects a property and a string literal`);
      }
      const column = columnOf(table, e.property.name, '$filter');
      const pattern = escapeLike(e.value.value);
      params.push(e.fn === 'contains' ? `%${pattern}%` : e.fn === 'startswith' ? `${pattern}%` : `%${pattern}`);
      return `(${quoteIdent(column.name)} LIKE ? ESCAPE '\\')`;
    }
    case 'compare': {
      const { left, right, op } = e;
      const nullSide = left.kind === 'literal' && left.type === 'null' ? right : right.kind === 'literal' && right.type === 'null' ? left : null;
      if (nullSide) {
        if (op !== 'eq' && op !== 'ne') throw new ODataQueryError(`$filter: '${op}' cannot compare with null; use eq or ne`);
        const side = nullSide.kind === 'property' ? quoteIdent(columnOf(table, nullSide.name, '$filter').name) : 'NULL';
        return `(${side} IS ${op === 'eq' ? '' : 'NOT '}NULL)`;
      }
      const l = operandSql(table, left, right, params);
      const r = operandSql(table, right, left, params);
      return `(${l} ${SQL_OPS[op]} ${r})`;
    }
  }
}

/** Compiles a parsed `$filter` into a parameterised SQL condition over `table`'s columns. */
export function filterToSql(table: TableInfo, expr: FilterExpr): SqlFragment {
  const params: unknown[] = [];
  const sql = compile(table, expr, params);
  return { sql, params };
}

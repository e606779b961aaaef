import { tokenizeFilter, type FilterToken } from './filter-lexer';
import { ODataQueryError } from './odata-error';

/** Comparison operators of OData `$filter`. */
export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
/** String functions accepted in `$filter` (Power BI folds text filters into these). */
export type StringFunction = 'contains' | 'startswith' | 'endswith';

/** An operand: a property (column) or a literal. */
export type FilterOperand =
  | { kind: 'property'; name: string; pos: number }
  | { kind: 'literal'; type: 'string'; value: string; pos: number }
  | { kind: 'literal'; type: 'number'; value: number; pos: number }
  | { kind: 'literal'; type: 'datetime'; value: number; pos: number }
  | { kind: 'literal'; type: 'boolean'; value: boolean; pos: number }
  | { kind: 'literal'; type: 'null'; value: null; pos: number };

/** The parsed `$filter` expression tree. */
export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; operand: FilterExpr }
  | { kind: 'compare'; op: ComparisonOp; left: FilterOperand; right: FilterOperand }
  | { kind: 'call'; fn: StringFunction; property: FilterOperand; value: FilterOperand }
  | { kind: 'truthy'; operand: FilterOperand };

const COMPARISONS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set<string>(['contains', 'startswith', 'endswith']);
const KEYWORDS = new Set<string>(['and', 'or', 'not', ...COMPARISONS]);

/**
 * Parses an OData v4 `$filter` expression. Precedence, loosest first: `or`, `and`,
 * `not`, comparisons; parentheses group.
 * @throws ODataQueryError quoting the bad token and its position.
 * @example parseFilter("jobcenter eq 'Nord' and (cases gt 5 or not open)")
 */
export function parseFilter(text: string): FilterExpr {
  const tokens = tokenizeFilter(text);
  let at = 0;
  const peek = (): FilterToken => tokens[at]!;
  const isWord = (t: FilterToken, w: string): boolean => t.kind === 'word' && t.value === w;
  const fail = (t: FilterToken, expected: string): never => {
    const got = t.kind === 'end' ? 'end of expression' : `token '${t.text}'`;
    throw new ODataQueryError(`$filter: unexpected ${got} at position ${t.pos}, expected ${expected}`);
  };
  const expectPunct = (p: '(' | ')' | ','): void => {
    const t = peek();
    if (t.kind !== 'punct' || t.value !== p) fail(t, `'${p}'`);
    at++;
  };

  const operand = (): FilterOperand => {
    const t = peek();
    at++;
    switch (t.kind) {
      case 'string':
        return { kind: 'literal', type: 'string', value: t.value, pos: t.pos };
      case 'number':
        return { kind: 'literal', type: 'number', value: t.value, pos: t.pos };
      case 'datetime':
        return { kind: 'literal', type: 'datetime', value: t.value, pos: t.pos };
      case 'word':
        if (t.value === 'true' || t.value === 'false') {
          return { kind: 'literal', type: 'boolean', value: t.value === 'true', pos: t.pos };
        }
        if (t.value === 'null') return { kind: 'literal', type: 'null', value: null, pos: t.pos };
        if (KEYWORDS.has(t.value)) return fail(t, 'a property name or a literal');
        return { kind: 'property', name: t.value, pos: t.pos };
      default:
        return fail(t, 'a property name or a literal');
    }
  };

  const primary = (): FilterExpr => {
    const t = peek();
    if (t.kind === 'punct' && t.value === '(') {
      at++;
      const inner = orExpr();
      expectPunct(')');
      return inner;
    }
    if (t.kind === 'word' && FUNCTIONS.has(t.value) && tokens[at + 1]?.kind === 'punct' && tokens[at + 1]?.text === '(') {
      at += 2;
      const property = operand();
      expectPunct(',');
      const value = operand();
      expectPunct(')');
      return { kind: 'call', fn: t.value as StringFunction, property, value };
    }
    const left = operand();
    const op = peek();
    if (op.kind === 'word' && COMPARISONS.has(op.value)) {
      at++;
      return { kind: 'compare', op: op.value as ComparisonOp, left, right: operand() };
    }
    return { kind: 'truthy', operand: left };
  };

  const notExpr = (): FilterExpr => {
    if (isWord(peek(), 'not')) {
      at++;
      return { kind: 'not', operand: notExpr() };
    }
    return primary();
  };

  const andExpr = (): FilterExpr => {
    let left = notExpr();
    while (isWord(peek(), 'and')) {
      at++;
      left = { kind: 'and', left, right: notExpr() };
    }
    return left;
  };

  function orExpr(): FilterExpr {
    let left = andExpr();
    while (isWord(peek(), 'or')) {
      at++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  }

  const tree = orExpr();
  if (peek().kind !== 'end') fail(peek(), "'and', 'or' or the end of the expression");
  return tree;
}

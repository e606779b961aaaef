import { tokenizeFilter, type FilterToken } from './filter-lexer';
import { ODataQueryError } from './odata-error';

/** Comparison operators of OData `$filter`. */
export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
/** Arithmetic operators of OData `$filter`. */
export type ArithmeticOp = 'add' | 'sub' | 'mul' | 'div' | 'mod';
/** Functions returning a boolean (Power BI and the SAP SDK fold text filters into these). */
export type StringFunction = 'contains' | 'startswith' | 'endswith';
/** Functions returning a value: text (`tolower`, `toupper`, `trim`, `concat`), numbers (`length`, `indexof`, `year` ...). */
export type ValueFunction =
  'tolower' | 'toupper' | 'trim' | 'concat' | 'length' | 'indexof' | 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

/** An operand: a property (column), a literal, a function call or arithmetic. */
export type FilterOperand =
  | { kind: 'property'; name: string; pos: number }
  | { kind: 'literal'; type: 'string'; value: string; pos: number }
  | { kind: 'literal'; type: 'number'; value: number; pos: number }
  | { kind: 'literal'; type: 'datetime'; value: number; pos: number }
  | { kind: 'literal'; type: 'boolean'; value: boolean; pos: number }
  | { kind: 'literal'; type: 'null'; value: null; pos: number }
  | { kind: 'function'; fn: StringFunction | ValueFunction; args: FilterOperand[]; pos: number }
  | { kind: 'arith'; op: ArithmeticOp; left: FilterOperand; right: FilterOperand; pos: number };

/** The parsed `$filter` expression tree. */
export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; operand: FilterExpr }
  | { kind: 'compare'; op: ComparisonOp; left: FilterOperand; right: FilterOperand }
  | { kind: 'in'; left: FilterOperand; values: FilterOperand[] }
  | { kind: 'call'; fn: StringFunction; property: FilterOperand; value: FilterOperand }
  | { kind: 'truthy'; operand: FilterOperand };

/** Arity of every function `$filter` accepts. */
export const FILTER_FUNCTIONS: Readonly<Record<StringFunction | ValueFunction, number>> = {
  contains: 2,
  startswith: 2,
  endswith: 2,
  tolower: 1,
  toupper: 1,
  trim: 1,
  concat: 2,
  length: 1,
  indexof: 2,
  year: 1,
  month: 1,
  day: 1,
  hour: 1,
  minute: 1,
  second: 1,
};
const BOOLEAN_FUNCTIONS = new Set<string>(['contains', 'startswith', 'endswith']);
const COMPARISONS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const ADDITIVE = new Set<string>(['add', 'sub']);
const MULTIPLICATIVE = new Set<string>(['mul', 'div', 'mod']);
const KEYWORDS = new Set<string>(['and', 'or', 'not', 'in', ...COMPARISONS, ...ADDITIVE, ...MULTIPLICATIVE]);
/** Deepest nesting of parentheses, `not`s and calls a filter may have. */
export const MAX_FILTER_DEPTH = 64;

/**
 * Parses an OData v4 `$filter` expression. Precedence, loosest first: `or`, `and`, `not`,
 * comparisons and `in`, `add`/`sub`, `mul`/`div`/`mod`; parentheses group. Function calls
 * (`contains(x,'y')`, `tolower(x)`, `year(start)`, ...) are operands, so
 * `contains(x,'y') eq true` reads as the SAP SDK writes it.
 *
 * @throws ODataQueryError quoting the bad token and its position, or when nested deeper than `MAX_FILTER_DEPTH`.
 * @example parseFilter("tolower(jobcenter) in ('nord','syd') and year(start) eq 2024")
 */
export function parseFilter(text: string): FilterExpr {
  const tokens = tokenizeFilter(text);
  let at = 0;
  let depth = 0;
  const peek = (): FilterToken => tokens[at]!;
  const isWord = (t: FilterToken, w: string): boolean => t.kind === 'word' && t.value === w;
  const isPunct = (t: FilterToken | undefined, p: string): boolean => t?.kind === 'punct' && t.value === p;
  const fail = (t: FilterToken, expected: string): never => {
    const got = t.kind === 'end' ? 'end of expression' : `token '${t.text}'`;
    throw new ODataQueryError(`$filter: unexpected ${got} at position ${t.pos}, expected ${expected}`);
  };
  const deeper = <T>(pos: number, f: () => T): T => {
    if (++depth > MAX_FILTER_DEPTH)
      throw new ODataQueryError(`$filter: nested more than ${MAX_FILTER_DEPTH} levels deep at position ${pos}`);
    try {
      return f();
    } finally {
      depth--;
    }
  };
  const expectPunct = (p: '(' | ')' | ','): void => {
    const t = peek();
    if (!isPunct(t, p)) fail(t, `'${p}'`);
    at++;
  };

  const call = (t: Extract<FilterToken, { kind: 'word' }>): FilterOperand =>
    deeper(t.pos, () => {
      at += 2;
      const args: FilterOperand[] = [];
      if (!isPunct(peek(), ')')) {
        args.push(additive());
        while (isPunct(peek(), ',')) {
          at++;
          args.push(additive());
        }
      }
      expectPunct(')');
      const fn = t.value as StringFunction | ValueFunction;
      if (args.length !== FILTER_FUNCTIONS[fn]) {
        throw new ODataQueryError(`$filter: ${fn}() takes ${FILTER_FUNCTIONS[fn]} argument(s), got ${args.length} at position ${t.pos}`);
      }
      return { kind: 'function', fn, args, pos: t.pos };
    });
  const operand = (): FilterOperand => {
    const t = peek();
    if (t.kind === 'word' && t.value in FILTER_FUNCTIONS && isPunct(tokens[at + 1], '(')) return call(t);
    if (isPunct(t, '(')) {
      return deeper(t.pos, () => {
        at++;
        const inner = additive();
        expectPunct(')');
        return inner;
      });
    }
    at++;
    switch (t.kind) {
      case 'string':
        return { kind: 'literal', type: 'string', value: t.value, pos: t.pos };
      case 'number':
        return { kind: 'literal', type: 'number', value: t.value, pos: t.pos };
      case 'datetime':
        return { kind: 'literal', type: 'datetime', value: t.value, pos: t.pos };
      case 'word':
        if (t.value === 'true' || t.value === 'false') return { kind: 'literal', type: 'boolean', value: t.value === 'true', pos: t.pos };
        if (t.value === 'null') return { kind: 'literal', type: 'null', value: null, pos: t.pos };
        if (KEYWORDS.has(t.value)) return fail(t, 'a property name or a literal');
        return { kind: 'property', name: t.value, pos: t.pos };
      default:
        return fail(t, 'a property name or a literal');
    }
  };
  const binary = (next: () => FilterOperand, ops: Set<string>) => (): FilterOperand => {
    let left = next();
    for (let t = peek(); t.kind === 'word' && ops.has(t.value); t = peek()) {
      at++;
      left = { kind: 'arith', op: t.value as ArithmeticOp, left, right: next(), pos: t.pos };
    }
    return left;
  };
  const multiplicative = binary(operand, MULTIPLICATIVE);
  const additive = binary(multiplicative, ADDITIVE);

  /** A comparison, an `in` list, a boolean call or a property; a parenthesised boolean expression. */
  const primary = (): FilterExpr => {
    const t = peek();
    // `(` opens either a boolean group or an arithmetic operand: try the boolean group first.
    if (isPunct(t, '(')) {
      const start = at;
      const group = deeper(t.pos, () => {
        at++;
        const inner = orExpr();
        expectPunct(')');
        return inner;
      });
      const after = peek();
      const continues =
        after.kind === 'word' &&
        (COMPARISONS.has(after.value) || ADDITIVE.has(after.value) || MULTIPLICATIVE.has(after.value) || after.value === 'in');
      if (!continues) return group;
      at = start;
    }
    const left = additive();
    const op = peek();
    if (op.kind === 'word' && COMPARISONS.has(op.value)) {
      at++;
      return { kind: 'compare', op: op.value as ComparisonOp, left, right: additive() };
    }
    if (isWord(op, 'in')) {
      at++;
      expectPunct('(');
      const values = [operand()];
      while (isPunct(peek(), ',')) {
        at++;
        values.push(operand());
      }
      expectPunct(')');
      return { kind: 'in', left, values };
    }
    if (left.kind === 'function' && BOOLEAN_FUNCTIONS.has(left.fn)) {
      return { kind: 'call', fn: left.fn as StringFunction, property: left.args[0]!, value: left.args[1]! };
    }
    return { kind: 'truthy', operand: left };
  };
  const notExpr = (): FilterExpr => {
    const t = peek();
    if (isWord(t, 'not')) {
      at++;
      return deeper(t.pos, () => ({ kind: 'not', operand: notExpr() }));
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

import { ODataQueryError } from './odata-error';

/** One token of an OData `$filter` expression, with its 0-based position in the text. */
export type FilterToken =
  | { kind: 'string'; value: string; pos: number; text: string }
  | { kind: 'number'; value: number; pos: number; text: string }
  | { kind: 'datetime'; value: number; pos: number; text: string }
  | { kind: 'word'; value: string; pos: number; text: string }
  | { kind: 'punct'; value: '(' | ')' | ','; pos: number; text: string }
  | { kind: 'end'; pos: number; text: string };

const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;

/** True when the date's day exists in its month and its time is on the clock (`Date.parse` reads 2026-02-30 as 2 March). */
function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text)!;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x))) as number[];
  const days = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  return mo! >= 1 && mo! <= 12 && d! >= 1 && d! <= days && h <= 23 && mi <= 59 && s <= 59;
}

/**
 * Splits an OData `$filter` expression into tokens. String literals use single quotes,
 * a doubled quote is one quote (`'O''Brien'`). Date and date-time literals are
 * unquoted (`2024-01-31`, `2024-01-31T08:00:00Z`) and become epoch milliseconds.
 * @throws ODataQueryError naming the character and position it could not read.
 */
export function tokenizeFilter(text: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: 'punct', value: ch, pos: i, text: ch });
      i++;
      continue;
    }
    if (ch === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) {
          throw new ODataQueryError(`$filter: unterminated string starting at position ${start}: ${text.slice(start, start + 20)}`);
        }
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'string', value, pos: start, text: text.slice(start, i) });
      continue;
    }
    const rest = text.slice(i);
    const dt = DATETIME.exec(rest);
    if (dt && (dt[1] !== undefined || !/^\d{4}-\d{2}-\d{2}[\d.]/.test(rest))) {
      const iso = dt[1] === undefined ? `${dt[0]}T00:00:00Z` : dt[0];
      const ms = Date.parse(iso);
      if (Number.isNaN(ms) || !isRealDate(dt[0])) throw new ODataQueryError(`$filter: invalid date '${dt[0]}' at position ${i}`);
      tokens.push({ kind: 'datetime', value: ms, pos: i, text: dt[0] });
      i += dt[0].length;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num) {
      tokens.push({ kind: 'number', value: Number(num[0]), pos: i, text: num[0] });
      i += num[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', value: word[0], pos: i, text: word[0] });
      i += word[0].length;
      continue;
    }
    throw new ODataQueryError(`$filter: unexpected character '${ch}' at position ${i}`);
  }
  tokens.push({ kind: 'end', pos: text.length, text: '' });
  return tokens;
}

/**
 * Explicit timestamp formats (`timestampFormat` in a column mapping), compiled once.
 *
 * Tokens: `yyyy` year, `yy` two-digit year (2000-2068, else 19xx), `mm`/`MM` month, `dd` day,
 * `HH`/`hh` hour, `MM`/`mm` minute, `SS`/`ss` second, `fff` fraction of a second. A two-letter
 * `mm`/`MM` right after an hour token and `:` means minutes, elsewhere month, so both
 * `dd-mm-yyyy HH:MM` and `DD-MM-YYYY HH:mm` work. strftime codes (`%d-%m-%Y %H:%M:%S`) work too.
 * Day, month, hour, minute and second take one or two digits.
 */

export type FormatField = 'year' | 'year2' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'fraction';
export type FormatToken = { kind: 'field'; field: FormatField } | { kind: 'literal'; code: number };

const STRFTIME: Readonly<Record<string, FormatField>> = {
  Y: 'year',
  y: 'year2',
  m: 'month',
  d: 'day',
  H: 'hour',
  M: 'minute',
  S: 'second',
  f: 'fraction',
};

/** Compiles a format string; throws an Error naming the first unknown token. */
export function compileTimestampFormat(format: string): FormatToken[] {
  const tokens: FormatToken[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i] as string;
    if (ch === '%') {
      const field = STRFTIME[format[i + 1] ?? ''];
      if (!field) throw new Error(`unknown strftime code "%${format[i + 1] ?? ''}" in "${format}"`);
      tokens.push({ kind: 'field', field });
      i += 2;
      continue;
    }
    if (!/[a-zA-Z]/.test(ch)) {
      tokens.push({ kind: 'literal', code: format.charCodeAt(i) });
      i++;
      continue;
    }
    let j = i;
    while (format[j] === ch) j++;
    const run = format.slice(i, j);
    tokens.push({ kind: 'field', field: fieldOf(run, tokens, format) });
    i = j;
  }
  return tokens;
}

function fieldOf(run: string, before: readonly FormatToken[], format: string): FormatField {
  const lower = run.toLowerCase();
  if (lower === 'yyyy') return 'year';
  if (lower === 'yy') return 'year2';
  if (lower === 'dd' || lower === 'd') return 'day';
  if (lower === 'hh' || lower === 'h') return 'hour';
  if (lower === 'ss' || lower === 's') return 'second';
  if (/^f+$/i.test(run)) return 'fraction';
  if (lower === 'mm' || lower === 'm') {
    const prev = before[before.length - 1];
    const prev2 = before[before.length - 2];
    const afterHour = prev?.kind === 'literal' && prev.code === 58 && prev2?.kind === 'field' && prev2.field === 'hour';
    return afterHour ? 'minute' : 'month';
  }
  throw new Error(`unknown token "${run}" in "${format}" (use yyyy, mm, dd, HH, MM, SS)`);
}

/** Parsed wall-clock fields; `end` is the index after the last consumed character. */
export interface WallClock {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  end: number;
}

/** Matches `tokens` at the start of `s`; returns false when it does not fit. Writes into `out`. */
export function matchFormat(tokens: readonly FormatToken[], s: string, out: WallClock): boolean {
  let pos = 0;
  out.y = 0;
  out.mo = 1;
  out.d = 1;
  out.h = 0;
  out.mi = 0;
  out.s = 0;
  out.ms = 0;
  for (const t of tokens) {
    if (t.kind === 'literal') {
      if (s.charCodeAt(pos) !== t.code) return false;
      pos++;
      continue;
    }
    const max = t.field === 'year' ? 4 : t.field === 'fraction' ? 9 : 2;
    const min = t.field === 'year' || t.field === 'year2' ? max : 1;
    let v = 0,
      n = 0,
      fracScale = 100;
    while (n < max) {
      const c = s.charCodeAt(pos) - 48;
      if (c < 0 || c > 9) break;
      if (t.field === 'fraction') {
        v += c * fracScale;
        fracScale /= 10;
      } else v = v * 10 + c;
      pos++;
      n++;
    }
    if (n < min) return false;
    switch (t.field) {
      case 'year':
        out.y = v;
        break;
      case 'year2':
        out.y = v < 69 ? 2000 + v : 1900 + v;
        break;
      case 'month':
        out.mo = v;
        break;
      case 'day':
        out.d = v;
        break;
      case 'hour':
        out.h = v;
        break;
      case 'minute':
        out.mi = v;
        break;
      case 'second':
        out.s = v;
        break;
      case 'fraction':
        out.ms = Math.floor(v);
        break;
    }
  }
  out.end = pos;
  return true;
}

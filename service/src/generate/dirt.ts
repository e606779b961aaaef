import type { Rng } from './prng';

/** Unparseable timestamps put into bad rows (impossible day, month, hour or minute). */
export const BAD_TIMESTAMPS = [
  '31-02-2024 25:61',
  '30-02-2025 08:15',
  '15-13-2025 09:30',
  '32-01-2025 10:00',
  '12-05-2025 24:30',
  'ukendt',
] as const;

/** Rates of the dirt of `--dirty` extracts (per row, or per case for shuffles). */
export const DIRT_RATES = { duplicate: 0.005, badRow: 0.003, shuffle: 0.03, trailingWhitespace: 0.01, oddBorger: 0.002 };

/** Exactly what was injected, so reader tests can assert their counts. */
export interface DirtCounts {
  /** Exact copies of an earlier row (same bytes), written later in the same case. */
  duplicates: number;
  /** Rows a reader must quarantine, by the reader's rejection reason. */
  badRows: number;
  badRowsByReason: { 'missing-case': number; 'bad-timestamp': number; 'column-count': number };
  /** Cases with two neighbouring rows swapped (out of time order). */
  shuffledCases: number;
  /** Rows with trailing spaces in Aktivitet, Sagsbehandler or at the end of the line. */
  trailingWhitespaceRows: number;
  /** Cases whose Borger field is quoted because it holds the delimiter / a line break. */
  quotedDelimiterCases: number;
  lineBreakCases: number;
}

/** All-zero counts, to be filled in while a dirty extract is written. */
export function emptyDirtCounts(): DirtCounts {
  return {
    duplicates: 0,
    badRows: 0,
    badRowsByReason: { 'missing-case': 0, 'bad-timestamp': 0, 'column-count': 0 },
    shuffledCases: 0,
    trailingWhitespaceRows: 0,
    quotedDelimiterCases: 0,
    lineBreakCases: 0,
  };
}

/** One case of a dirty extract before the dirt: the case's fields and one entry per event. */
export interface DirtyCase {
  /** Sags-id, CPR, Borger (already quoted if needed), Proces, Jobcenter. */
  head: string[];
  /** True when Borger holds a quoted value with the delimiter or a line break. */
  borgerQuoted: boolean;
  activity: string[];
  time: string[];
  actor: string[];
  frist: string;
}

/**
 * Turns one case into its dirty `;`-separated rows: trailing whitespace, a swapped pair,
 * exact duplicates and bad rows, counting each injection in `counts`. Reuses and
 * modifies the arrays of `c`.
 */
export function dirtyCaseRows(c: DirtyCase, rng: Rng, counts: DirtCounts): string[] {
  const n = c.activity.length;
  const tail: string[] = [];
  for (let e = 0; e < n; e++) {
    tail.push('');
    if (!rng.chance(DIRT_RATES.trailingWhitespace)) continue;
    counts.trailingWhitespaceRows++;
    const where = rng.int(3);
    const pad = rng.chance(0.5) ? ' ' : '   ';
    if (where === 0) c.activity[e] += pad;
    else if (where === 1) c.actor[e] += pad;
    else tail[e] = pad;
  }
  if (n >= 3 && rng.chance(DIRT_RATES.shuffle)) {
    const k = rng.int(n - 1);
    for (const column of [c.activity, c.time, c.actor, tail]) swap(column, k);
    counts.shuffledCases++;
  }
  const head = c.head.join(';');
  const out: string[] = [];
  const later: string[] = [];
  for (let e = 0; e < n; e++) {
    const line = `${head};${c.activity[e]};${c.time[e]};${c.actor[e]};${c.frist}${tail[e]}`;
    out.push(line);
    if (rng.chance(DIRT_RATES.badRow)) {
      out.push(badRow([...c.head, c.activity[e]!, c.time[e]!, c.actor[e]!, c.frist + tail[e]], c.borgerQuoted, rng, counts));
    }
    if (rng.chance(DIRT_RATES.duplicate)) {
      counts.duplicates++;
      if (rng.chance(0.5)) out.push(line);
      else later.push(line);
    }
  }
  for (const line of later) out.push(line);
  return out;
}

function swap(column: string[], k: number): void {
  const a = column[k]!;
  column[k] = column[k + 1]!;
  column[k + 1] = a;
}

const CASE = 0;
const BORGER = 2;
const TIME = 6;

function badRow(fields: readonly string[], borgerQuoted: boolean, rng: Rng, counts: DirtCounts): string {
  const f = fields.slice();
  const kind = rng.int(3);
  counts.badRows++;
  if (kind === 0) {
    f[CASE] = '';
    counts.badRowsByReason['missing-case']++;
  } else if (kind === 1) {
    f[TIME] = rng.pick(BAD_TIMESTAMPS);
    counts.badRowsByReason['bad-timestamp']++;
  } else {
    counts.badRowsByReason['column-count']++;
    const borger = f[BORGER]!;
    const space = borger.indexOf(' ');
    if (!borgerQuoted && space > 0 && rng.chance(0.5)) {
      f.splice(BORGER, 1, borger.slice(0, space), borger.slice(space + 1));
    } else {
      f.pop();
    }
  }
  return f.join(';');
}

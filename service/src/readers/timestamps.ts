import { compileTimestampFormat, matchFormat, type WallClock } from './timestamp-format';
import { createLocalTimeConverter, type LocalTimeConverter } from './tz-offset';

/** Options of a timestamp parser; defaults: auto-detected format, `Europe/Copenhagen`. */
export interface TimestampOptions {
  /**
   * Explicit format such as `dd-mm-yyyy HH:MM`; values that do not fit its shape fall back to
   * auto-detection (never day-first when the format is month-first); values in its shape with an
   * impossible date are bad.
   */
  format?: string | null;
  /** IANA zone for values without an offset. */
  timezone?: string | null;
}

/** Parses one value to epoch ms (UTC), or NaN when it is not a timestamp. */
export type TimestampParser = (value: string) => number;

/** The zone of timestamps without an offset unless the mapping says otherwise. */
export const DEFAULT_TIMEZONE = 'Europe/Copenhagen';
/** Excel's day 0 is 1899-12-30 (this absorbs Excel's 1900 leap-year bug for serials >= 61). */
const EXCEL_EPOCH_DAYS = -25569;
/** Serials from 10000 (1927-05-18) to 9999-12-31; smaller bare numbers are more likely junk than dates. */
const EXCEL_MIN_SERIAL = 10000;
const EXCEL_MAX_SERIAL = 2958466;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const converters = new Map<string, LocalTimeConverter>();

/** One converter per zone for all parsers of a thread: its offsets are looked up with Intl (slow) once, not per parser. */
function zoneConverter(timeZone: string): LocalTimeConverter {
  let zone = converters.get(timeZone);
  if (zone === undefined) {
    zone = createLocalTimeConverter(timeZone);
    converters.set(timeZone, zone);
  }
  return zone;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Builds a fast parser. Understood without a format: ISO 8601 with or without offset, `Z`
 * and fractional seconds; `yyyy-mm-dd HH:MM[:SS]`; `dd-mm-yyyy`, `dd.mm.yyyy`, `dd/mm/yyyy`
 * each with an optional ` HH:MM[:SS]`; Excel serial numbers (`45292.5`, decimal comma too, 10000 and up).
 * Values without an offset are local times in `timezone` (see `createLocalTimeConverter` for
 * the daylight-saving rules: gaps shift forward, repeated hours take the first occurrence).
 * Digits are read with charCodeAt and offsets are cached per local hour: no Intl call per value.
 *
 * @example
 * const parse = createTimestampParser({ format: 'dd-mm-yyyy HH:MM' });
 * parse('31-01-2024 09:15'); // 1706688900000 (08:15 UTC)
 */
export function createTimestampParser(options: TimestampOptions = {}): TimestampParser {
  const zone = zoneConverter(options.timezone || DEFAULT_TIMEZONE);
  const tokens = options.format ? compileTimestampFormat(options.format) : null;
  // Under a month-first format a day-first reading of another value would swap day and month.
  const fieldAt = (f: string) => tokens?.findIndex((t) => t.kind === 'field' && t.field === f) ?? -1;
  const dayFirst = !(tokens && fieldAt('month') >= 0 && fieldAt('day') >= 0 && fieldAt('month') < fieldAt('day'));
  const w: WallClock = { y: 0, mo: 1, d: 1, h: 0, mi: 0, s: 0, ms: 0, end: 0 };
  return (raw: string): number => {
    const s = raw.charCodeAt(0) === 32 || raw.charCodeAt(raw.length - 1) === 32 ? raw.trim() : raw;
    if (s.length === 0) return NaN;
    // A value in the format's shape is read by it or is bad (31-02, month 13): never re-read.
    if (tokens) {
      if (matchFormat(tokens, s, w)) return finish(s, w, zone);
    } else if (s.length === 19 || s.length === 16) {
      const t = localTimeFromText(s, zone);
      if (t === t) return t;
    }
    return parseAuto(s, w, zone, dayFirst);
  };
}

function parseAuto(s: string, w: WallClock, zone: LocalTimeConverter, dayFirst = true): number {
  let pos = 0;
  while (isDigit(s.charCodeAt(pos))) pos++;
  const sep = s.charCodeAt(pos);
  const dateSep = sep === 45 || sep === 47 || sep === 46;
  if (pos === 4 && dateSep) return parseDate(s, w, zone, false);
  if ((pos === 1 || pos === 2) && dateSep) {
    if (!dayFirst) return NaN;
    const t = parseDate(s, w, zone, true);
    if (!Number.isNaN(t) || sep !== 46) return t;
  }
  if (pos === s.length || sep === 46 || sep === 44) return parseExcel(s, zone);
  return NaN;
}

function readInt(s: string, w: WallClock, min: number, max: number): number {
  let v = 0,
    n = 0;
  while (n < max) {
    const c = s.charCodeAt(w.end) - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    w.end++;
    n++;
  }
  return n < min ? -1 : v;
}

function parseDate(s: string, w: WallClock, zone: LocalTimeConverter, dayFirst: boolean): number {
  w.end = 0;
  const a = readInt(s, w, 1, dayFirst ? 2 : 4);
  const sep = s.charCodeAt(w.end++);
  const b = readInt(s, w, 1, 2);
  if (s.charCodeAt(w.end++) !== sep) return NaN;
  const c = readInt(s, w, dayFirst ? 4 : 1, dayFirst ? 4 : 2);
  if (a < 0 || b < 0 || c < 0) return NaN;
  if (dayFirst) {
    w.d = a;
    w.mo = b;
    w.y = c;
  } else {
    w.y = a;
    w.mo = b;
    w.d = c;
  }
  w.h = 0;
  w.mi = 0;
  w.s = 0;
  w.ms = 0;
  let t = s.charCodeAt(w.end);
  if (t === 84 || t === 32) {
    while (s.charCodeAt(w.end + 1) === 32) w.end++;
    w.end++;
    w.h = readInt(s, w, 1, 2);
    if (s.charCodeAt(w.end++) !== 58) return NaN;
    w.mi = readInt(s, w, 2, 2);
    if (w.h < 0 || w.mi < 0) return NaN;
    if (s.charCodeAt(w.end) === 58) {
      w.end++;
      w.s = readInt(s, w, 2, 2);
      if (w.s < 0) return NaN;
      t = s.charCodeAt(w.end);
      if (t === 46 || t === 44) {
        w.end++;
        let scale = 100,
          frac = 0,
          n = 0;
        while (isDigit(s.charCodeAt(w.end))) {
          frac += (s.charCodeAt(w.end) - 48) * scale;
          scale /= 10;
          w.end++;
          n++;
        }
        if (n === 0) return NaN;
        w.ms = Math.floor(frac);
      }
    }
  }
  return finish(s, w, zone);
}

/** Validates the fields, reads an optional offset (`Z`, `±HH`, `±HHMM`, `±HH:MM`) and converts. */
function finish(s: string, w: WallClock, zone: LocalTimeConverter): number {
  const { y, mo, d, h, mi, s: sec, ms } = w;
  if (!validWallClock(y, mo, d, h, mi, sec, ms)) return NaN;
  let pos = w.end;
  while (s.charCodeAt(pos) === 32) pos++;
  if (pos === s.length) return zone.toUtc(y, mo, d, h, mi, sec === 60 ? 59 : sec, ms);
  const c = s.charCodeAt(pos);
  let offset = 0;
  if (c === 90 && pos + 1 === s.length) offset = 0;
  else if (c === 43 || c === 45) {
    const sign = c === 45 ? -1 : 1;
    w.end = pos + 1;
    const oh = readInt(s, w, 2, 2);
    if (s.charCodeAt(w.end) === 58) w.end++;
    const om = w.end === s.length ? 0 : readInt(s, w, 2, 2);
    if (oh < 0 || om < 0 || w.end !== s.length) return NaN;
    offset = sign * (oh * 60 + om) * 60_000;
  } else return NaN;
  return Date.UTC(y, mo - 1, d, h, mi, sec === 60 ? 59 : sec, ms) - offset;
}

function validWallClock(y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || d > (DAYS_IN_MONTH[mo - 1] as number) || h > 24 || mi > 59 || sec > 60) return false;
  if (mo === 2 && d === 29 && (y % 4 !== 0 || (y % 100 === 0 && y % 400 !== 0))) return false;
  return h !== 24 || (mi === 0 && sec === 0 && ms === 0);
}

/** Parses a value given as bytes `bytes[from, to)` (ASCII or UTF-8), or NaN when it is not a timestamp. */
export type ByteTimestampParser = (bytes: Uint8Array, from: number, to: number) => number;

/**
 * The parser of `createTimestampParser` over bytes, with the same answer for every value: the
 * commonest shapes, `yyyy-mm-dd HH:MM[:SS]` (or `T` between), are read from the bytes without
 * making a string (when no format is given); any other value is decoded and read as text.
 */
export function createByteTimestampParser(options: TimestampOptions = {}): ByteTimestampParser {
  const text = createTimestampParser(options);
  const zone = zoneConverter(options.timezone || DEFAULT_TIMEZONE);
  const bytesFast = !options.format;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return (b, from, to) => {
    const n = to - from;
    if (bytesFast && (n === 19 || n === 16)) {
      const t = localTimeFromBytes(b, from, n, zone);
      if (t === t) return t;
    }
    return text(decoder.decode(b.subarray(from, to)));
  };
}

/** The two-digit number at `b[i]`, or -1 when either byte is not a digit. */
function twoDigits(b: Uint8Array, i: number): number {
  const hi = (b[i] as number) - 48;
  const lo = (b[i + 1] as number) - 48;
  return hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9 ? hi * 10 + lo : -1;
}

/** The two-digit number at `s[i]`, or -1 when either character is not an ASCII digit. */
function twoDigitsText(s: string, i: number): number {
  const hi = s.charCodeAt(i) - 48;
  const lo = s.charCodeAt(i + 1) - 48;
  return hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9 ? hi * 10 + lo : -1;
}

/** `yyyy-mm-dd HH:MM[:SS]` (19 or 16 bytes) as `parseDate` reads it; NaN for any other shape or a bad value. */
function localTimeFromBytes(b: Uint8Array, p: number, n: number, zone: LocalTimeConverter): number {
  if (b[p + 4] !== 45 || b[p + 7] !== 45 || (b[p + 10] !== 32 && b[p + 10] !== 84) || b[p + 13] !== 58) return NaN;
  let sec = 0;
  if (n === 19) {
    if (b[p + 16] !== 58) return NaN;
    sec = twoDigits(b, p + 17);
  }
  const century = twoDigits(b, p);
  return wallClockUtc(
    century,
    twoDigits(b, p + 2),
    twoDigits(b, p + 5),
    twoDigits(b, p + 8),
    twoDigits(b, p + 11),
    twoDigits(b, p + 14),
    sec,
    zone,
  );
}

/** `localTimeFromBytes` over the characters of a 19- or 16-character value, read in place: `parseDate`'s answer for that shape, else NaN. */
function localTimeFromText(s: string, zone: LocalTimeConverter): number {
  const t = s.charCodeAt(10);
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || (t !== 32 && t !== 84) || s.charCodeAt(13) !== 58) return NaN;
  let sec = 0;
  if (s.length === 19) {
    if (s.charCodeAt(16) !== 58) return NaN;
    sec = twoDigitsText(s, 17);
  }
  const century = twoDigitsText(s, 0);
  return wallClockUtc(
    century,
    twoDigitsText(s, 2),
    twoDigitsText(s, 5),
    twoDigitsText(s, 8),
    twoDigitsText(s, 11),
    twoDigitsText(s, 14),
    sec,
    zone,
  );
}

/** The instant of a wall clock read as two-digit numbers (-1: not digits); NaN when a number is missing or out of range. */
function wallClockUtc(
  century: number,
  yy: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  sec: number,
  zone: LocalTimeConverter,
): number {
  const y = century * 100 + yy;
  if (century < 0 || y < century * 100 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0 || !validWallClock(y, mo, d, h, mi, sec, 0))
    return NaN;
  return zone.toUtc(y, mo, d, h, mi, sec === 60 ? 59 : sec, 0);
}

function parseExcel(s: string, zone: LocalTimeConverter): number {
  const v = Number(s.indexOf(',') >= 0 ? s.replace(',', '.') : s);
  if (!(v >= EXCEL_MIN_SERIAL && v < EXCEL_MAX_SERIAL)) return NaN;
  const days = Math.floor(v);
  const msOfDay = Math.round((v - days) * 86_400_000);
  const date = new Date((days + EXCEL_EPOCH_DAYS) * 86_400_000);
  const h = Math.floor(msOfDay / 3_600_000);
  const mi = Math.floor((msOfDay % 3_600_000) / 60_000);
  const sec = Math.floor((msOfDay % 60_000) / 1000);
  return zone.toUtc(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), h, mi, sec, msOfDay % 1000);
}

const parsers = new Map<string, TimestampParser>();

/**
 * Parses one timestamp (see `createTimestampParser`), or returns null. Convenient for single
 * values; for many values build one parser with `createTimestampParser`.
 */
export function parseTimestamp(value: string, options: TimestampOptions = {}): number | null {
  const key = `${options.format ?? ''}\u0000${options.timezone ?? ''}`;
  let parser = parsers.get(key);
  if (!parser) {
    parser = createTimestampParser(options);
    parsers.set(key, parser);
  }
  const t = parser(value);
  return Number.isNaN(t) ? null : t;
}

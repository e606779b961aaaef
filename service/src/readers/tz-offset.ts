/**
 * UTC offsets of an IANA time zone, for turning local wall-clock times into instants.
 *
 * Intl is slow (microseconds a call), so offsets are cached per local (date, hour):
 * daylight-saving changes happen on whole local hours in every zone this tool is for,
 * so one offset serves a whole local hour.
 */
import { zoneFormat } from '@sagsflow/shared/calendar/local-date';

const MS_PER_HOUR = 3_600_000;

/**
 * The offset (ms, local minus UTC) of `format`'s time zone at the UTC instant `utcMs`: read from
 * `format.format`, `M/D/Y, HH:MM:SS` (about twice as fast as `formatToParts`; a read makes up to
 * six calls per local day), or from its parts when the text has another shape.
 */
export function offsetAt(format: Intl.DateTimeFormat, utcMs: number): number {
  const text = format.format(utcMs);
  const f = wallClock;
  let k = 0;
  let value = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) value = (value < 0 ? 0 : value * 10) + (c - 48);
    else {
      // Each field ends at its separator: '/', '/', ',', ' ' (after the comma), ':', ':'.
      if (c !== SEPARATORS.charCodeAt(k) || value < 0 !== (k === 3)) return offsetFromParts(format, utcMs);
      if (value >= 0) f[k < 3 ? k : k - 1] = value;
      value = -1;
      k++;
    }
  }
  if (k !== SEPARATORS.length || value < 0) return offsetFromParts(format, utcMs);
  f[5] = value;
  const asUtc = Date.UTC(f[2]!, f[0]! - 1, f[1]!, f[3]! % 24, f[4]!, f[5]);
  return asUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/** The separators after the month, day, year, comma, hour and minute of `format.format`'s text. */
const SEPARATORS = '//, ::';
/** Month, day, year, hour, minute, second of the text `offsetAt` reads last. */
const wallClock = new Float64Array(6);

/** `offsetAt` from `format.formatToParts`. */
export function offsetFromParts(format: Intl.DateTimeFormat, utcMs: number): number {
  const parts = format.formatToParts(new Date(utcMs));
  let y = 0,
    mo = 0,
    d = 0,
    h = 0,
    mi = 0,
    s = 0;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value) % 24;
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
    }
  }
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  return asUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/**
 * `Date.UTC(y, mo - 1, d, h, mi, s, ms)` for a valid date, by arithmetic (about twice as fast,
 * and this runs once per event). Years below 100 go to Date.UTC, which reads them as 19yy.
 */
function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  if (y < 100) return Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5) + d - 1;
  const days = era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
  return days * 86_400_000 + h * 3_600_000 + mi * 60_000 + s * 1000 + ms;
}

/** Converts local wall-clock times of one time zone to epoch ms, with a per-hour offset cache. */
export interface LocalTimeConverter {
  /** Epoch ms of the local time; month 1-12. Gaps shift forward, folds take the first occurrence. */
  toUtc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number;
}

/**
 * Builds a converter for `timeZone` (IANA name). Throws a RangeError for an unknown zone.
 *
 * Disambiguation follows java.time and Temporal's `compatible` mode: a local time that
 * does not exist (spring forward, e.g. 2024-03-31 02:30 in Europe/Copenhagen) is read with
 * the offset before the change, so it lands one hour later (03:30 CEST); a local time
 * that occurs twice (fall back, 2024-10-27 02:30) is the first occurrence (CEST).
 */
export function createLocalTimeConverter(timeZone: string): LocalTimeConverter {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') {
    return { toUtc: utcMs };
  }
  const format = zoneFormat(timeZone);
  const cache = new Map<number, number>();

  function offsetForLocalHour(localHourMs: number): number {
    const before = offsetAt(format, localHourMs - 24 * MS_PER_HOUR);
    const after = offsetAt(format, localHourMs + 24 * MS_PER_HOUR);
    const early = localHourMs - Math.max(before, after);
    const late = localHourMs - Math.min(before, after);
    const earlyValid = offsetAt(format, early) === localHourMs - early;
    if (earlyValid) return localHourMs - early;
    const lateValid = offsetAt(format, late) === localHourMs - late;
    if (lateValid) return localHourMs - late;
    return before;
  }

  // Per local day: its one offset when hours 0 and 23 agree (no change that day), else NaN and per-hour lookups.
  const days = new Map<number, number>();
  const hourOffset = (y: number, mo: number, d: number, h: number): number => {
    const key = ((y * 13 + mo) * 32 + d) * 24 + h;
    let offset = cache.get(key);
    if (offset === undefined) {
      offset = offsetForLocalHour(Date.UTC(y, mo - 1, d, h));
      cache.set(key, offset);
    }
    return offset;
  };

  const offsetOfDay = (y: number, mo: number, d: number): number => {
    const day = (y * 13 + mo) * 32 + d;
    let offset = days.get(day);
    if (offset === undefined) {
      const first = hourOffset(y, mo, d, 0);
      offset = first === hourOffset(y, mo, d, 23) ? first : NaN;
      days.set(day, offset);
    }
    return offset;
  };
  // The instant of local midnight of each day of years FIRST_YEAR.. (NaN: the offset changes that day), filled on first use: one array read an event.
  let midnight: Float64Array | null = null;
  let known: Uint8Array | null = null;

  return {
    toUtc(y, mo, d, h, mi, s, ms) {
      const year = y - FIRST_YEAR;
      // Whole numbers only (as every reader passes): the array's index and sums are then exact.
      const whole =
        (y | 0) === y && (mo | 0) === mo && (d | 0) === d && (h | 0) === h && (mi | 0) === mi && (s | 0) === s && (ms | 0) === ms;
      if (whole && year >= 0 && year < YEARS && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h !== 24) {
        const at = year * 416 + mo * 32 + d;
        midnight ??= new Float64Array(YEARS * 416);
        known ??= new Uint8Array(YEARS * 416);
        if (known[at] === 0) {
          known[at] = 1;
          midnight[at] = utcMs(y, mo, d, 0, 0, 0, 0) - offsetOfDay(y, mo, d);
        }
        const base = midnight[at]!;
        // Whole milliseconds far below 2^53: the same sum as utcMs(...) - offset.
        if (base === base) return base + h * 3_600_000 + mi * 60_000 + s * 1000 + ms;
      }
      let offset = offsetOfDay(y, mo, d);
      if (Number.isNaN(offset) || h === 24) offset = hourOffset(y, mo, d, h);
      return utcMs(y, mo, d, h, mi, s, ms) - offset;
    },
  };
}

/** The years `toUtc` keeps a per-day array for (others use the map). */
const FIRST_YEAR = 1970;
const YEARS = 256;

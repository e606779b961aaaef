import { MisuseError, quote } from '../errors';

const DAY_MS = 86_400_000;

interface ZoneCache {
  format: Intl.DateTimeFormat;
  /** UTC day number -> the zone's offset (ms) through that whole UTC day, NaN when it changes within it. */
  dayOffsets: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();

/**
 * The formatter that reads a zone's wall clock at an instant (en-US numbers, 24-hour clock),
 * as the local-date functions here and the readers' local-time converter read it. Throws a
 * RangeError for an unknown zone.
 */
export function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

function zone(timeZone: string): ZoneCache {
  let cache = zones.get(timeZone);
  if (!cache) {
    let format: Intl.DateTimeFormat;
    try {
      format = zoneFormat(timeZone);
    } catch (cause) {
      throw new MisuseError(`localDayNumber: unknown time zone ${quote(timeZone)}, expected an IANA name such as "Europe/Copenhagen"`, {
        cause,
      });
    }
    cache = { format, dayOffsets: new Map() };
    zones.set(timeZone, cache);
  }
  return cache;
}

function exactOffset(format: Intl.DateTimeFormat, ms: number): number {
  const seconds = Math.floor(ms / 1000) * 1000;
  const fields: Record<string, number> = {};
  for (const part of format.formatToParts(seconds)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields['year'] ?? 1970,
    (fields['month'] ?? 1) - 1,
    fields['day'] ?? 1,
    fields['hour'] ?? 0,
    fields['minute'] ?? 0,
    fields['second'] ?? 0,
  );
  return wall - seconds;
}

/**
 * The offset of a time zone from UTC at an instant, in milliseconds (Europe/Copenhagen:
 * 3,600,000 in winter, 7,200,000 in summer). Read from `Intl`, cached per UTC day.
 */
export function utcOffsetMs(ms: number, timeZone: string): number {
  const cache = zone(timeZone);
  const utcDay = Math.floor(ms / DAY_MS);
  let offset = cache.dayOffsets.get(utcDay);
  if (offset === undefined) {
    const first = exactOffset(cache.format, utcDay * DAY_MS);
    const last = exactOffset(cache.format, (utcDay + 1) * DAY_MS - 1000);
    offset = first === last ? first : Number.NaN;
    cache.dayOffsets.set(utcDay, offset);
  }
  return Number.isNaN(offset) ? exactOffset(cache.format, ms) : offset;
}

/**
 * The local date (a day number) of an epoch-ms instant in a time zone, daylight saving
 * included: 2024-03-30T23:30Z is 2024-03-31 in Europe/Copenhagen.
 *
 * @example formatIsoDate(localDayNumber(Date.UTC(2024, 2, 30, 23, 30), 'Europe/Copenhagen')) // '2024-03-31'
 */
export function localDayNumber(ms: number, timeZone: string): number {
  return Math.floor((ms + utcOffsetMs(ms, timeZone)) / DAY_MS);
}

/** The epoch-ms instant of local midnight starting a day in a time zone. */
export function localMidnightMs(dayNumber: number, timeZone: string): number {
  const wall = dayNumber * DAY_MS;
  let guess = wall - utcOffsetMs(wall, timeZone);
  guess = wall - utcOffsetMs(guess, timeZone);
  return guess;
}

/**
 * The local date of every instant of an array, as `localDayNumber` gives it, in one pass:
 * the zone's offset is looked up once per UTC day of the span (for logs of millions of events).
 */
export function localDayNumbers(timestamps: Float64Array, timeZone: string): Int32Array {
  const n = timestamps.length;
  const days = new Int32Array(n);
  if (n === 0) return days;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = timestamps[i]!;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const firstDay = Math.floor(min / DAY_MS);
  const offsets = new Float64Array(Math.floor(max / DAY_MS) - firstDay + 1).fill(Number.NaN);
  const cache = zone(timeZone);
  for (let i = 0; i < n; i++) {
    const t = timestamps[i]!;
    const k = Math.floor(t / DAY_MS) - firstDay;
    let offset = offsets[k]!;
    if (Number.isNaN(offset)) {
      utcOffsetMs(t, timeZone);
      const known = cache.dayOffsets.get(k + firstDay)!;
      offset = Number.isNaN(known) ? Infinity : known;
      offsets[k] = offset;
    }
    days[i] = Math.floor((t + (offset === Infinity ? exactOffset(cache.format, t) : offset)) / DAY_MS);
  }
  return days;
}

/**
 * Calendar dates as day numbers: whole days since 1970-01-01 in the proleptic Gregorian
 * calendar. Day numbers carry no time zone; `local-date.ts` turns instants into them.
 */
import { MisuseError, quote } from '../errors';

/** A calendar date. Months are 1-12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Day number of a date. Howard Hinnant's `days_from_civil`
 * (https://howardhinnant.github.io/date_algorithms.html): years start on 1 March so
 * the leap day falls last; `era` is a 400-year cycle, `doe` the day of the era.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number; the inverse of `daysFromCivil` (Hinnant's `civil_from_days`). */
export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** Number of days in a month (1-12) of a Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/** `YYYY-MM-DD` of a day number. */
export function formatIsoDate(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Day number of a `YYYY-MM-DD` date; throws `MisuseError` for any other text or a date
 * that does not exist (2023-02-29).
 *
 * @example parseIsoDate('2024-02-29') // 19782
 */
export function parseIsoDate(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return daysFromCivil(year, month, day);
  }
  throw new MisuseError(`parseIsoDate: not a date, got ${quote(text)}, expected YYYY-MM-DD`);
}

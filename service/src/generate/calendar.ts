/**
 * Danish calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian),
 * with no Date objects and no time zones: the generator works in local wall-clock time.
 */

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

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher, Meeus "Astronomical Algorithms" ch. 8). Returns the day number.
 */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

/** A Danish public holiday or closing day. */
export interface Holiday {
  dayNumber: number;
  name: string;
}

/**
 * The Danish public holidays of a year, plus Grundlovsdag (5 June) as a closing day of
 * public offices. Store bededag is a holiday only until 2023 (abolished from 2024).
 *
 * @example danishHolidays(2025).map((h) => h.name) // ['Nytårsdag', 'Skærtorsdag', ...]
 */
export function danishHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { dayNumber: daysFromCivil(year, 1, 1), name: 'Nytårsdag' },
    { dayNumber: easter - 3, name: 'Skærtorsdag' },
    { dayNumber: easter - 2, name: 'Langfredag' },
    { dayNumber: easter, name: 'Påskedag' },
    { dayNumber: easter + 1, name: '2. påskedag' },
  ];
  if (year <= 2023) list.push({ dayNumber: easter + 26, name: 'Store bededag' });
  list.push(
    { dayNumber: easter + 39, name: 'Kristi himmelfartsdag' },
    { dayNumber: easter + 49, name: 'Pinsedag' },
    { dayNumber: easter + 50, name: '2. pinsedag' },
    { dayNumber: daysFromCivil(year, 6, 5), name: 'Grundlovsdag' },
    { dayNumber: daysFromCivil(year, 12, 25), name: 'Juledag' },
    { dayNumber: daysFromCivil(year, 12, 26), name: '2. juledag' },
  );
  return list;
}

/** True for Monday-Friday days that are not Danish holidays or closing days. */
export function isWorkingDay(dayNumber: number): boolean {
  if (isoWeekday(dayNumber) > 5) return false;
  const { year } = civilFromDays(dayNumber);
  return !danishHolidays(year).some((h) => h.dayNumber === dayNumber);
}

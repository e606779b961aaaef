import { MisuseError, quote } from '../errors';
import { daysFromCivil } from './civil-date';
import { easterSunday } from './easter';

/**
 * The Danish holiday calendars: `dk-statutory` has the statutory helligdage
 * (helligdagsloven); `dk-administration` adds the closing days of public offices,
 * Grundlovsdag (5 June), juleaftensdag (24 Dec) and nytårsaftensdag (31 Dec).
 */
export const CALENDAR_NAMES = ['dk-statutory', 'dk-administration'] as const;
export type CalendarName = (typeof CALENDAR_NAMES)[number];

/** A holiday or closing day. */
export interface Holiday {
  dayNumber: number;
  name: string;
}

/** The last year Store bededag was a helligdag (abolished from 1 January 2024). */
export const LAST_STORE_BEDEDAG_YEAR = 2023;

/**
 * The holidays of a year in a calendar, in date order. Sundays are not listed (they are
 * never working days anyway), except Påskedag and Pinsedag, which are named holidays.
 *
 * @example holidays(2023, 'dk-statutory').map((h) => h.name)
 * // ['Nytårsdag', 'Skærtorsdag', 'Langfredag', 'Påskedag', '2. påskedag', 'Store bededag', ...]
 */
export function holidays(year: number, calendar: CalendarName): Holiday[] {
  assertCalendar(calendar);
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { dayNumber: daysFromCivil(year, 1, 1), name: 'Nytårsdag' },
    { dayNumber: easter - 3, name: 'Skærtorsdag' },
    { dayNumber: easter - 2, name: 'Langfredag' },
    { dayNumber: easter, name: 'Påskedag' },
    { dayNumber: easter + 1, name: '2. påskedag' },
  ];
  if (year <= LAST_STORE_BEDEDAG_YEAR) list.push({ dayNumber: easter + 26, name: 'Store bededag' });
  list.push(
    { dayNumber: easter + 39, name: 'Kristi himmelfartsdag' },
    { dayNumber: easter + 49, name: 'Pinsedag' },
    { dayNumber: easter + 50, name: '2. pinsedag' },
  );
  if (calendar === 'dk-administration') {
    list.push(
      { dayNumber: daysFromCivil(year, 6, 5), name: 'Grundlovsdag' },
      { dayNumber: daysFromCivil(year, 12, 24), name: 'Juleaftensdag' },
    );
  }
  list.push({ dayNumber: daysFromCivil(year, 12, 25), name: 'Juledag' }, { dayNumber: daysFromCivil(year, 12, 26), name: '2. juledag' });
  if (calendar === 'dk-administration') list.push({ dayNumber: daysFromCivil(year, 12, 31), name: 'Nytårsaftensdag' });
  return list.sort((x, y) => x.dayNumber - y.dayNumber);
}

/** Throws `MisuseError` unless `name` is one of `CALENDAR_NAMES`. */
export function assertCalendar(name: string): asserts name is CalendarName {
  if (!(CALENDAR_NAMES as readonly string[]).includes(name)) {
    throw new MisuseError(`calendar: unknown calendar ${quote(name)}, expected one of ${CALENDAR_NAMES.join(', ')}`);
  }
}

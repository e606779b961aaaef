import { MisuseError, quote } from '../errors';
import { civilFromDays, isoWeekday } from './civil-date';
import { holidays, type CalendarName } from './holidays';

const holidaySets = new Map<string, ReadonlySet<number>>();
/** The last set asked for: runs of days mostly stay in one year and calendar, so most calls build no key. */
let last: { year: number; calendar: CalendarName; set: ReadonlySet<number> } | null = null;

function holidaySet(year: number, calendar: CalendarName): ReadonlySet<number> {
  if (last !== null && last.year === year && last.calendar === calendar) return last.set;
  const key = `${calendar}:${year}`;
  let set = holidaySets.get(key);
  if (!set) {
    set = new Set(holidays(year, calendar).map((h) => h.dayNumber));
    holidaySets.set(key, set);
  }
  last = { year, calendar, set };
  return set;
}

/** True when the day is one of the calendar's holidays (weekends aside). */
export function isHoliday(dayNumber: number, calendar: CalendarName): boolean {
  return holidaySet(civilFromDays(dayNumber).year, calendar).has(dayNumber);
}

/**
 * True for Monday to Friday days that are not holidays of the calendar.
 *
 * @example isWorkingDay(parseIsoDate('2024-04-01'), 'dk-statutory') // false: 2. påskedag
 */
export function isWorkingDay(dayNumber: number, calendar: CalendarName): boolean {
  return isoWeekday(dayNumber) <= 5 && !isHoliday(dayNumber, calendar);
}

/** The day itself when it is a working day, else the next working day after it. */
export function nextWorkingDay(dayNumber: number, calendar: CalendarName): number {
  let day = dayNumber;
  while (!isWorkingDay(day, calendar)) day++;
  return day;
}

/**
 * The N-th working day after a day, the day itself not counted (N = 0 gives the day).
 *
 * @example addWorkingDays(parseIsoDate('2024-03-27'), 1, 'dk-statutory') // 2024-04-02 (after Easter)
 */
export function addWorkingDays(dayNumber: number, count: number, calendar: CalendarName): number {
  if (!Number.isInteger(count) || count < 0) {
    throw new MisuseError(`addWorkingDays: count must be a whole number >= 0, got ${quote(count)}`);
  }
  let day = dayNumber;
  for (let left = count; left > 0;) {
    day++;
    if (isWorkingDay(day, calendar)) left--;
  }
  return day;
}

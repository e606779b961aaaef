/**
 * The generator's calendar: the shared Danish calendar (`shared/src/calendar/`) with the
 * closing days of public offices (`dk-administration`: the statutory holidays plus
 * Grundlovsdag, 24 and 31 December), since the jobcenters record no work on those days.
 */
import { holidays, isWorkingDay as isCalendarWorkingDay, type CalendarName, type Holiday } from '@sagsflow/shared';

export { civilFromDays, daysFromCivil, easterSunday, isoWeekday } from '@sagsflow/shared';
export type { CivilDate, Holiday } from '@sagsflow/shared';

/** The calendar the generator's opening hours follow. */
export const GENERATOR_CALENDAR: CalendarName = 'dk-administration';

/** The holidays and closing days of a year, in date order. */
export function danishHolidays(year: number): Holiday[] {
  return holidays(year, GENERATOR_CALENDAR);
}

/** True for Monday-Friday days that are neither holidays nor closing days of public offices. */
export function isWorkingDay(dayNumber: number): boolean {
  return isCalendarWorkingDay(dayNumber, GENERATOR_CALENDAR);
}

import { addMonths } from '../calendar/add-period';
import type { CalendarName } from '../calendar/holidays';
import { addWorkingDays, nextWorkingDay } from '../calendar/working-days';
import type { RuleLimit } from './types';

/**
 * The deadline D (a day number) from an anchor's local date: `days: N` adds N days,
 * `weeks: N` 7N days, `months: N` the same day N months later (or that month's last
 * day), `workingDays: N` the N-th working day after the anchor's date. With
 * `moveToWorkingDay`, a D on a non-working day moves to the next working day.
 *
 * @example deadlineDay(parseIsoDate('2024-01-31'), { months: 1 }, 'dk-statutory', false) // 2024-02-29
 */
export function deadlineDay(anchorDay: number, limit: RuleLimit, calendar: CalendarName, moveToWorkingDay: boolean): number {
  let day: number;
  if ('days' in limit) day = anchorDay + limit.days;
  else if ('weeks' in limit) day = anchorDay + 7 * limit.weeks;
  else if ('months' in limit) day = addMonths(anchorDay, limit.months);
  else day = addWorkingDays(anchorDay, limit.workingDays, calendar);
  return moveToWorkingDay ? nextWorkingDay(day, calendar) : day;
}

import { civilFromDays, daysFromCivil } from './civil-date';
import type { CalendarName } from './holidays';
import { localDayNumber, localMidnightMs } from './local-date';
import { isWorkingDay } from './working-days';

/** Per (time zone, calendar, year): prefix sums of working milliseconds over the year's days. */
const yearPrefixes = new Map<string, Float64Array>();
/** The last prefix asked for: most calls stay in one year, calendar and zone, so they build no key. */
let last: { year: number; calendar: CalendarName; timeZone: string; prefix: Float64Array } | null = null;

function yearPrefix(year: number, calendar: CalendarName, timeZone: string): Float64Array {
  if (last !== null && last.year === year && last.calendar === calendar && last.timeZone === timeZone) return last.prefix;
  const key = `${timeZone}|${calendar}|${year}`;
  let prefix = yearPrefixes.get(key);
  if (!prefix) {
    const first = daysFromCivil(year, 1, 1);
    const length = daysFromCivil(year + 1, 1, 1) - first;
    prefix = new Float64Array(length + 1);
    let next = localMidnightMs(first, timeZone);
    for (let i = 0; i < length; i++) {
      const start = next;
      next = localMidnightMs(first + i + 1, timeZone);
      prefix[i + 1] = prefix[i]! + (isWorkingDay(first + i, calendar) ? next - start : 0);
    }
    yearPrefixes.set(key, prefix);
  }
  last = { year, calendar, timeZone, prefix };
  return prefix;
}

/** Working milliseconds of the whole days `[fromDay, toDay)`. */
function workingMsOfDays(fromDay: number, toDay: number, calendar: CalendarName, timeZone: string): number {
  let total = 0;
  let day = fromDay;
  while (day < toDay) {
    const { year } = civilFromDays(day);
    const yearStart = daysFromCivil(year, 1, 1);
    const end = Math.min(toDay, daysFromCivil(year + 1, 1, 1));
    const prefix = yearPrefix(year, calendar, timeZone);
    total += prefix[end - yearStart]! - prefix[day - yearStart]!;
    day = end;
  }
  return total;
}

/**
 * The part of the elapsed time from `fromMs` to `toMs` that falls on working days of the
 * calendar, with days taken as local days in the time zone (a 23- or 25-hour day at a
 * daylight-saving change counts as it is). 0 when `toMs <= fromMs`.
 *
 * @example
 * // Friday 12:00 to Monday 12:00 local time: 12 h on Friday + 12 h on Monday
 * workingDurationMs(fri12, mon12, 'dk-statutory', 'Europe/Copenhagen') // 86_400_000
 */
export function workingDurationMs(fromMs: number, toMs: number, calendar: CalendarName, timeZone: string): number {
  if (!(toMs > fromMs)) return 0;
  const fromDay = localDayNumber(fromMs, timeZone);
  const toDay = localDayNumber(toMs, timeZone);
  if (fromDay === toDay) return isWorkingDay(fromDay, calendar) ? toMs - fromMs : 0;
  const head = isWorkingDay(fromDay, calendar) ? localMidnightMs(fromDay + 1, timeZone) - fromMs : 0;
  const tail = isWorkingDay(toDay, calendar) ? toMs - localMidnightMs(toDay, timeZone) : 0;
  return head + workingMsOfDays(fromDay + 1, toDay, calendar, timeZone) + tail;
}

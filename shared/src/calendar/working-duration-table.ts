import type { CalendarName } from './holidays';
import { localMidnightMs, utcOffsetMs } from './local-date';
import { isWorkingDay } from './working-days';
import { workingDurationMs } from './working-duration';

const DAY_MS = 86_400_000;

/**
 * `workingDurationMs` for many pairs of instants within one span (the waits of a log): the
 * zone's offset per UTC day and each local day's midnight, working flag and running working
 * milliseconds are looked up once per day of the span, so a pair costs a few array reads.
 * The same numbers as `workingDurationMs` (whole days add up in integer milliseconds, exactly);
 * instants outside `[spanFromMs, spanToMs]` are passed to it.
 *
 * @example
 * const working = workingDurationTable('dk-administration', 'Europe/Copenhagen', first, last);
 * working(fromMs, toMs) === workingDurationMs(fromMs, toMs, 'dk-administration', 'Europe/Copenhagen');
 */
export function workingDurationTable(
  calendar: CalendarName,
  timeZone: string,
  spanFromMs: number,
  spanToMs: number,
): (fromMs: number, toMs: number) => number {
  const generic = (fromMs: number, toMs: number) => workingDurationMs(fromMs, toMs, calendar, timeZone);
  if (!(spanToMs >= spanFromMs) || !Number.isFinite(spanFromMs) || !Number.isFinite(spanToMs)) return generic;
  // UTC days of the span: the offset through the whole day, NaN where it changes within the day.
  const firstUtcDay = Math.floor(spanFromMs / DAY_MS);
  const offsets = new Float64Array(Math.floor(spanToMs / DAY_MS) - firstUtcDay + 1);
  for (let i = 0; i < offsets.length; i++) {
    const start = (firstUtcDay + i) * DAY_MS;
    const first = utcOffsetMs(start, timeZone);
    offsets[i] = first === utcOffsetMs(start + DAY_MS - 1000, timeZone) ? first : Number.NaN;
  }
  const localDay = (ms: number): number => {
    const offset = offsets[Math.floor(ms / DAY_MS) - firstUtcDay]!;
    return Math.floor((ms + (Number.isNaN(offset) ? utcOffsetMs(ms, timeZone) : offset)) / DAY_MS);
  };
  // Local days of the span and the day after: midnight, working day, working ms of the days before.
  const firstDay = localDay(spanFromMs);
  const days = localDay(spanToMs) - firstDay + 2;
  const midnight = new Float64Array(days + 1);
  const working = new Uint8Array(days);
  const before = new Float64Array(days + 1);
  for (let i = 0; i <= days; i++) midnight[i] = localMidnightMs(firstDay + i, timeZone);
  for (let i = 0; i < days; i++) {
    working[i] = isWorkingDay(firstDay + i, calendar) ? 1 : 0;
    before[i + 1] = before[i]! + (working[i] === 1 ? midnight[i + 1]! - midnight[i]! : 0);
  }
  return (fromMs, toMs) => {
    if (!(toMs > fromMs)) return 0;
    if (!(fromMs >= spanFromMs && toMs <= spanToMs)) return generic(fromMs, toMs);
    const from = localDay(fromMs) - firstDay;
    const to = localDay(toMs) - firstDay;
    if (from === to) return working[from] === 1 ? toMs - fromMs : 0;
    const head = working[from] === 1 ? midnight[from + 1]! - fromMs : 0;
    const tail = working[to] === 1 ? toMs - midnight[to]! : 0;
    return head + (before[to]! - before[from + 1]!) + tail;
  };
}

import { DEFAULT_TIMEZONE } from '../readers/timestamps';

/**
 * An instant as the log's local wall-clock time, `YYYY-MM-DD HH:MM`, in `timeZone` (the
 * mapping's `timezone`, default Europe/Copenhagen): the CLI prints times as the case
 * system showed them, with the zone's name once beside them.
 *
 * @example localTime(Date.UTC(2024, 6, 1, 12, 41), 'Europe/Copenhagen') // "2024-07-01 14:41"
 */
export function localTime(ms: number, timeZone: string = DEFAULT_TIMEZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Time zone in which a case's start month (its period) is read. */
export const PERIOD_TIME_ZONE = 'Europe/Copenhagen';

const HOUR_MS = 3_600_000;

/**
 * Returns a function mapping epoch ms to the `YYYY-MM` month in `timeZone`. Offsets change
 * only on whole hours, so results are cached per UTC hour.
 *
 * @example
 * periodOf(Date.UTC(2024, 0, 31, 23, 30)); // '2024-02' in Copenhagen
 */
export function createPeriodOf(timeZone: string = PERIOD_TIME_ZONE): (ms: number) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
  const cache = new Map<number, string>();
  return (ms) => {
    const hour = Math.floor(ms / HOUR_MS);
    let period = cache.get(hour);
    if (period === undefined) {
      let year = '';
      let month = '';
      for (const part of format.formatToParts(hour * HOUR_MS)) {
        if (part.type === 'year') year = part.value;
        else if (part.type === 'month') month = part.value;
      }
      period = `${year.padStart(4, '0')}-${month}`;
      cache.set(hour, period);
    }
    return period;
  };
}

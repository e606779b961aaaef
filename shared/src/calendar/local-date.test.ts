import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from './civil-date';
import { localDayNumber, localDayNumbers, localMidnightMs, utcOffsetMs } from './local-date';
import { workingDurationMs } from './working-duration';

const CPH = 'Europe/Copenhagen';
const HOUR = 3_600_000;
const local = (ms: number, tz = CPH) => formatIsoDate(localDayNumber(ms, tz));

describe('localDayNumber', () => {
  it('takes the local date at 00:30 and 23:30 in winter and summer', () => {
    expect(local(Date.UTC(2024, 0, 14, 23, 30))).toBe('2024-01-15'); // 00:30 CET
    expect(local(Date.UTC(2024, 0, 15, 22, 30))).toBe('2024-01-15'); // 23:30 CET
    expect(local(Date.UTC(2024, 5, 14, 22, 30))).toBe('2024-06-15'); // 00:30 CEST
    expect(local(Date.UTC(2024, 5, 15, 21, 30))).toBe('2024-06-15'); // 23:30 CEST
    expect(local(Date.UTC(2024, 5, 15, 21, 30), 'UTC')).toBe('2024-06-15');
    expect(local(Date.UTC(2024, 5, 15, 22, 30), 'UTC')).toBe('2024-06-15');
  });

  it('is right on both sides of the spring and autumn changes', () => {
    expect(local(Date.UTC(2024, 2, 30, 23, 30))).toBe('2024-03-31'); // 00:30 CET on the change day
    expect(local(Date.UTC(2024, 2, 31, 21, 30))).toBe('2024-03-31'); // 23:30 CEST
    expect(local(Date.UTC(2024, 2, 31, 22, 30))).toBe('2024-04-01'); // 00:30 CEST
    expect(local(Date.UTC(2024, 9, 26, 22, 30))).toBe('2024-10-27'); // 00:30 CEST on the change day
    expect(local(Date.UTC(2024, 9, 27, 22, 30))).toBe('2024-10-27'); // 23:30 CET
    expect(local(Date.UTC(2024, 9, 27, 23, 30))).toBe('2024-10-28'); // 00:30 CET
  });

  it('reads the offset to the second around the changes', () => {
    expect(utcOffsetMs(Date.UTC(2024, 2, 31, 0, 59, 59), CPH)).toBe(HOUR);
    expect(utcOffsetMs(Date.UTC(2024, 2, 31, 1, 0, 0), CPH)).toBe(2 * HOUR);
    expect(utcOffsetMs(Date.UTC(2024, 9, 27, 0, 59, 59), CPH)).toBe(2 * HOUR);
    expect(utcOffsetMs(Date.UTC(2024, 9, 27, 1, 0, 0), CPH)).toBe(HOUR);
  });

  it('refuses an unknown time zone', () => {
    expect(() => localDayNumber(0, 'Europe/Atlantis')).toThrow(/unknown time zone "Europe\/Atlantis"/);
  });
});

describe('localMidnightMs', () => {
  it('gives 23- and 25-hour days at the changes', () => {
    const day = parseIsoDate('2024-03-31');
    expect(localMidnightMs(day, CPH)).toBe(Date.UTC(2024, 2, 30, 23));
    expect(localMidnightMs(day + 1, CPH) - localMidnightMs(day, CPH)).toBe(23 * HOUR);
    const autumn = parseIsoDate('2024-10-27');
    expect(localMidnightMs(autumn + 1, CPH) - localMidnightMs(autumn, CPH)).toBe(25 * HOUR);
  });
});

describe('workingDurationMs', () => {
  it('counts Friday noon to Tuesday noon across Easter 2024 as 96 hours', () => {
    const from = Date.UTC(2024, 2, 22, 11); // Fri 12:00 CET
    const to = Date.UTC(2024, 3, 2, 10); // Tue 12:00 CEST, after 2. påskedag
    expect(workingDurationMs(from, to, 'dk-statutory', CPH)).toBe(96 * HOUR);
  });

  it('counts only Monday across the autumn change weekend', () => {
    const from = Date.UTC(2024, 9, 26, 10); // Sat 12:00 CEST
    const to = Date.UTC(2024, 9, 28, 11); // Mon 12:00 CET
    expect(workingDurationMs(from, to, 'dk-statutory', CPH)).toBe(12 * HOUR);
  });

  it('crosses a year and tells the calendars apart on 24 December', () => {
    const from = Date.UTC(2025, 11, 23, 11); // Tue 23 Dec 12:00
    const to = Date.UTC(2026, 0, 2, 11); // Fri 2 Jan 12:00
    // statutory: 23 (12 h) + 24 + 29 + 30 + 31 (24 h each) + 2 Jan (12 h)
    expect(workingDurationMs(from, to, 'dk-statutory', CPH)).toBe(120 * HOUR);
    // administration: 23 (12 h) + 29 + 30 + 2 Jan (12 h)
    expect(workingDurationMs(from, to, 'dk-administration', CPH)).toBe(72 * HOUR);
  });

  it('is the plain difference within one working day and 0 for reversed or weekend spans', () => {
    expect(workingDurationMs(Date.UTC(2024, 5, 3, 7), Date.UTC(2024, 5, 3, 9), 'dk-statutory', CPH)).toBe(2 * HOUR);
    expect(workingDurationMs(Date.UTC(2024, 5, 3, 9), Date.UTC(2024, 5, 3, 7), 'dk-statutory', CPH)).toBe(0);
    expect(workingDurationMs(Date.UTC(2024, 5, 1, 9), Date.UTC(2024, 5, 2, 9), 'dk-statutory', CPH)).toBe(0);
  });
});

describe('localDayNumbers', () => {
  it('gives the same local dates as localDayNumber, on change days too', () => {
    const times = Float64Array.from([
      Date.UTC(2024, 9, 27, 0, 59, 59),
      Date.UTC(2024, 2, 30, 23, 30),
      Date.UTC(2024, 2, 31, 21, 30),
      Date.UTC(2024, 2, 31, 22, 30),
      Date.UTC(2024, 9, 27, 22, 30),
      Date.UTC(2024, 9, 27, 23, 30),
    ]);
    expect([...localDayNumbers(times, CPH)]).toEqual([...times].map((t) => localDayNumber(t, CPH)));
    expect(localDayNumbers(new Float64Array(0), CPH)).toHaveLength(0);
  });
});

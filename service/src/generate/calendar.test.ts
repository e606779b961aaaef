import { describe, expect, it } from 'vitest';
import { civilFromDays, danishHolidays, daysFromCivil, easterSunday, isoWeekday, isWorkingDay } from './calendar';

const iso = (n: number): string => {
  const c = civilFromDays(n);
  return `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
};

describe('calendar', () => {
  it('daysFromCivil(1970-01-01) is 0 and civilFromDays inverts it over 200 years', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(11017);
    for (let n = -20000; n < 60000; n += 37) {
      const c = civilFromDays(n);
      expect(daysFromCivil(c.year, c.month, c.day)).toBe(n);
    }
  });

  it('isoWeekday(2025-06-30) is 1 (Monday) and 2024-12-29 is 7 (Sunday)', () => {
    expect(isoWeekday(daysFromCivil(2025, 6, 30))).toBe(1);
    expect(isoWeekday(daysFromCivil(2024, 12, 29))).toBe(7);
  });

  it('easterSunday gives the known dates 2000, 2019, 2024, 2025, 2026, 2038', () => {
    expect(iso(easterSunday(2000))).toBe('2000-04-23');
    expect(iso(easterSunday(2019))).toBe('2019-04-21');
    expect(iso(easterSunday(2024))).toBe('2024-03-31');
    expect(iso(easterSunday(2025))).toBe('2025-04-20');
    expect(iso(easterSunday(2026))).toBe('2026-04-05');
    expect(iso(easterSunday(2038))).toBe('2038-04-25');
  });

  it('danishHolidays(2025) lists the 10 holidays and 3 closing days with their dates', () => {
    const got = danishHolidays(2025).map((h) => `${iso(h.dayNumber)} ${h.name}`);
    expect(got).toEqual([
      '2025-01-01 Nytårsdag',
      '2025-04-17 Skærtorsdag',
      '2025-04-18 Langfredag',
      '2025-04-20 Påskedag',
      '2025-04-21 2. påskedag',
      '2025-05-29 Kristi himmelfartsdag',
      '2025-06-05 Grundlovsdag',
      '2025-06-08 Pinsedag',
      '2025-06-09 2. pinsedag',
      '2025-12-24 Juleaftensdag',
      '2025-12-25 Juledag',
      '2025-12-26 2. juledag',
      '2025-12-31 Nytårsaftensdag',
    ]);
  });

  it('danishHolidays has Store bededag in 2023 (5 May) but not from 2024', () => {
    expect(danishHolidays(2023).find((h) => h.name === 'Store bededag')?.dayNumber).toBe(daysFromCivil(2023, 5, 5));
    expect(danishHolidays(2024).some((h) => h.name === 'Store bededag')).toBe(false);
  });

  it('isWorkingDay is false on weekends, holidays and closing days (24 December 2025, a Wednesday), true on 26 April 2024', () => {
    expect(isWorkingDay(daysFromCivil(2025, 6, 5))).toBe(false);
    expect(isWorkingDay(daysFromCivil(2026, 5, 14))).toBe(false);
    expect(isWorkingDay(daysFromCivil(2025, 12, 27))).toBe(false);
    expect(isWorkingDay(daysFromCivil(2025, 12, 24))).toBe(false);
    expect(isWorkingDay(daysFromCivil(2025, 12, 23))).toBe(true);
    expect(isWorkingDay(daysFromCivil(2024, 4, 26))).toBe(true);
  });
});

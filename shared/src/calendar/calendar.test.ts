import { describe, expect, it } from 'vitest';
import { MisuseError } from '../errors';
import { addDays, addMonths, addWeeks } from './add-period';
import { formatIsoDate, isoWeekday, parseIsoDate } from './civil-date';
import { easterSunday } from './easter';
import { holidays } from './holidays';
import { addWorkingDays, isHoliday, isWorkingDay, nextWorkingDay } from './working-days';

const d = parseIsoDate;
const iso = formatIsoDate;

/** domain-rules.md § 2.2 test vectors, as DD-MM. */
const VECTORS: Record<number, [string, string, string, string, string, string]> = {
  2023: ['06-04', '07-04', '10-04', '05-05', '18-05', '29-05'],
  2024: ['28-03', '29-03', '01-04', '26-04', '09-05', '20-05'],
  2025: ['17-04', '18-04', '21-04', '16-05', '29-05', '09-06'],
  2026: ['02-04', '03-04', '06-04', '01-05', '14-05', '25-05'],
  2027: ['25-03', '26-03', '29-03', '23-04', '06-05', '17-05'],
};
const OFFSETS = [-3, -2, 1, 26, 39, 50];
const NAMES = ['Skærtorsdag', 'Langfredag', '2. påskedag', 'Store bededag', 'Kristi himmelfartsdag', '2. pinsedag'];

describe('easterSunday', () => {
  it('gives the Gregorian Easter Sundays of 2023-2027 and two far years', () => {
    expect([2023, 2024, 2025, 2026, 2027, 1818, 2285].map((y) => iso(easterSunday(y)))).toEqual([
      '2023-04-09',
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '1818-03-22',
      '2285-03-22',
    ]);
  });
});

describe('holidays', () => {
  for (const [year, dates] of Object.entries(VECTORS)) {
    it(`matches the domain-rules test vectors for ${year}`, () => {
      const easter = easterSunday(Number(year));
      const got = OFFSETS.map((o) =>
        iso(easter + o)
          .slice(5)
          .split('-')
          .reverse()
          .join('-'),
      );
      expect(got).toEqual(dates);
      const named = new Map(holidays(Number(year), 'dk-statutory').map((h) => [h.name, iso(h.dayNumber)]));
      NAMES.forEach((name, i) => {
        if (name === 'Store bededag' && Number(year) > 2023) expect(named.has(name)).toBe(false);
        else expect(named.get(name)).toBe(iso(easter + OFFSETS[i]!));
      });
    });
  }

  it('lists Store bededag 2023 as a holiday and 2024 as a working day', () => {
    expect(isHoliday(d('2023-05-05'), 'dk-statutory')).toBe(true);
    expect(isWorkingDay(d('2023-05-05'), 'dk-statutory')).toBe(false);
    expect(isWorkingDay(d('2024-04-26'), 'dk-statutory')).toBe(true);
    expect(isWorkingDay(d('2024-04-26'), 'dk-administration')).toBe(true);
  });

  it('has 11 statutory holidays in 2023, 10 in 2024, and 3 more in the administration calendar', () => {
    expect(holidays(2023, 'dk-statutory')).toHaveLength(11);
    expect(holidays(2024, 'dk-statutory')).toHaveLength(10);
    expect(holidays(2024, 'dk-administration').map((h) => h.name)).toEqual([
      'Nytårsdag',
      'Skærtorsdag',
      'Langfredag',
      'Påskedag',
      '2. påskedag',
      'Kristi himmelfartsdag',
      'Pinsedag',
      '2. pinsedag',
      'Grundlovsdag',
      'Juleaftensdag',
      'Juledag',
      '2. juledag',
      'Nytårsaftensdag',
    ]);
  });

  it('treats 5 June, 24 and 31 December as working days only in dk-statutory', () => {
    for (const day of ['2025-06-05', '2025-12-24', '2025-12-31']) {
      expect(isWorkingDay(d(day), 'dk-statutory')).toBe(true);
      expect(isWorkingDay(d(day), 'dk-administration')).toBe(false);
    }
  });

  it('treats 1 May as a working day and weekends as non-working', () => {
    expect(isWorkingDay(d('2025-05-01'), 'dk-administration')).toBe(true);
    expect(isWorkingDay(d('2025-05-03'), 'dk-statutory')).toBe(false);
    expect(isWorkingDay(d('2025-05-04'), 'dk-statutory')).toBe(false);
    expect(isoWeekday(d('2025-05-04'))).toBe(7);
  });

  it('refuses an unknown calendar', () => {
    expect(() => holidays(2024, 'dk-xmas' as never)).toThrow(/unknown calendar "dk-xmas"/);
  });
});

describe('adding periods', () => {
  it('adds days and weeks', () => {
    expect(iso(addDays(d('2024-02-20'), 14))).toBe('2024-03-05');
    expect(iso(addWeeks(d('2024-12-24'), 2))).toBe('2025-01-07');
  });

  it('adds months with the end-of-month clamp', () => {
    expect(iso(addMonths(d('2024-01-31'), 1))).toBe('2024-02-29');
    expect(iso(addMonths(d('2023-01-31'), 1))).toBe('2023-02-28');
    expect(iso(addMonths(d('2024-02-29'), 12))).toBe('2025-02-28');
    expect(iso(addMonths(d('2024-08-31'), 6))).toBe('2025-02-28');
    expect(iso(addMonths(d('2024-03-15'), 16))).toBe('2025-07-15');
    expect(iso(addMonths(d('2024-03-31'), -1))).toBe('2024-02-29');
  });

  it('counts working days after the day, skipping weekends and Easter', () => {
    expect(iso(addWorkingDays(d('2024-03-22'), 1, 'dk-statutory'))).toBe('2024-03-25');
    expect(iso(addWorkingDays(d('2024-03-27'), 1, 'dk-statutory'))).toBe('2024-04-02');
    expect(iso(addWorkingDays(d('2024-03-27'), 0, 'dk-statutory'))).toBe('2024-03-27');
    expect(iso(addWorkingDays(d('2023-05-04'), 1, 'dk-statutory'))).toBe('2023-05-08');
    expect(iso(addWorkingDays(d('2024-04-25'), 1, 'dk-statutory'))).toBe('2024-04-26');
    expect(iso(addWorkingDays(d('2025-12-22'), 2, 'dk-administration'))).toBe('2025-12-29');
    expect(iso(addWorkingDays(d('2025-12-22'), 2, 'dk-statutory'))).toBe('2025-12-24');
    expect(() => addWorkingDays(0, -1, 'dk-statutory')).toThrow(MisuseError);
  });

  it('moves to the next working day only when needed', () => {
    expect(iso(nextWorkingDay(d('2024-04-01'), 'dk-statutory'))).toBe('2024-04-02');
    expect(iso(nextWorkingDay(d('2024-06-05'), 'dk-administration'))).toBe('2024-06-06');
    expect(iso(nextWorkingDay(d('2024-06-05'), 'dk-statutory'))).toBe('2024-06-05');
    expect(iso(nextWorkingDay(d('2025-12-24'), 'dk-administration'))).toBe('2025-12-29');
  });
});

describe('parseIsoDate', () => {
  it('refuses text and impossible dates', () => {
    expect(() => parseIsoDate('2023-02-29')).toThrow(/not a date, got "2023-02-29"/);
    expect(() => parseIsoDate('1/2/2024')).toThrow(MisuseError);
    expect(iso(parseIsoDate('2024-02-29'))).toBe('2024-02-29');
  });
});

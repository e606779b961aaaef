import { describe, expect, it } from 'vitest';
import { createTimestampParser, parseTimestamp } from './timestamps';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number => Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe('createTimestampParser (auto-detected formats, Europe/Copenhagen)', () => {
  const parse = createTimestampParser();

  it('reads ISO 8601 with Z, offsets and fractional seconds as given', () => {
    expect(parse('2024-03-01T09:15:00Z')).toBe(utc(2024, 3, 1, 9, 15));
    expect(parse('2024-03-01T09:15:00.123+01:00')).toBe(utc(2024, 3, 1, 8, 15, 0, 123));
    expect(parse('2024-03-01T09:15:00.1234567-0230')).toBe(utc(2024, 3, 1, 11, 45, 0, 123));
    expect(parse('2024-03-01T09:15:00+02')).toBe(utc(2024, 3, 1, 7, 15));
    expect(parse('2010-12-30 14:32:00+01:00')).toBe(utc(2010, 12, 30, 13, 32));
    expect(parse('2011-12-06 13:41:31.788000+01:00')).toBe(utc(2011, 12, 6, 12, 41, 31, 788));
  });

  it('reads values without an offset as Copenhagen local time (CET in winter, CEST in summer)', () => {
    expect(parse('2024-01-15 12:00')).toBe(utc(2024, 1, 15, 11));
    expect(parse('2024-07-01T12:00:00')).toBe(utc(2024, 7, 1, 10));
    expect(parse('2024-03-01')).toBe(utc(2024, 2, 29, 23));
  });

  it('reads yyyy-mm-dd HH:MM[:SS] by its fast path with the answers of the general one (24:00, leap days, bad values)', () => {
    expect(parse('2024-07-01 08:02:36')).toBe(utc(2024, 7, 1, 6, 2, 36));
    expect(parse('2024-07-01T08:02')).toBe(utc(2024, 7, 1, 6, 2));
    expect(parse('2024-03-31 02:30:00')).toBe(utc(2024, 3, 31, 1, 30));
    expect(parse('2024-10-27 02:30')).toBe(utc(2024, 10, 27, 0, 30));
    expect(parse('2024-12-31 24:00')).toBe(utc(2024, 12, 31, 23));
    expect(parse('2024-02-29 10:00:60')).toBe(utc(2024, 2, 29, 9, 0, 59));
    for (const bad of ['2023-02-29 10:00:00', '2024-13-01 10:00', '2024-07-01 24:01', '2024-07-01 10:61:00', '2024-07-01 1a:00:00']) {
      expect(parse(bad), bad).toBeNaN();
    }
    expect(parse('2024-07-01 8:02:36')).toBe(utc(2024, 7, 1, 6, 2, 36));
    expect(parse('2024-07-01  08:02:3')).toBeNaN();
  });

  it('reads Danish day-first dates with -, . and / and an optional time', () => {
    expect(parse('01-03-2024 09:15')).toBe(utc(2024, 3, 1, 8, 15));
    expect(parse('1.3.2024 9:15')).toBe(utc(2024, 3, 1, 8, 15));
    expect(parse('01/03/2024 09:15:30')).toBe(utc(2024, 3, 1, 8, 15, 30));
    expect(parse('01.03.2024')).toBe(utc(2024, 2, 29, 23));
    expect(parse('  01-03-2024 09:15  ')).toBe(utc(2024, 3, 1, 8, 15));
  });

  it('reads Excel serial numbers as local time, with a decimal point or comma', () => {
    expect(parse('45292')).toBe(utc(2023, 12, 31, 23));
    expect(parse('45292.5')).toBe(utc(2024, 1, 1, 11));
    expect(parse('45292,25')).toBe(utc(2024, 1, 1, 5));
    expect(parse('45474.75')).toBe(utc(2024, 7, 1, 16));
  });

  it('returns NaN for values that are not timestamps or do not exist', () => {
    for (const bad of [
      '31-02-2024 25:61',
      '30-02-2025 08:15',
      '15-13-2025 09:30',
      '32-01-2025 10:00',
      '12-05-2025 24:30',
      'ukendt',
      '',
      '   ',
      '2024-13-01',
      '2023-02-29',
      '12',
      '2024-03-01T09:15:00+1',
      '2024-03-01 09:15 CET',
      '2024-03-01T9',
    ]) {
      expect(parse(bad), bad).toBeNaN();
    }
    expect(parse('2024-02-29')).toBe(utc(2024, 2, 28, 23));
  });
});

describe('daylight saving in Europe/Copenhagen', () => {
  const parse = createTimestampParser({ timezone: 'Europe/Copenhagen' });

  it('shifts a time in the spring gap (2024-03-31 02:30 does not exist) forward by an hour, to 03:30 CEST', () => {
    expect(parse('2024-03-31 01:59')).toBe(utc(2024, 3, 31, 0, 59));
    expect(parse('2024-03-31 02:30')).toBe(utc(2024, 3, 31, 1, 30));
    expect(parse('2024-03-31 03:30')).toBe(utc(2024, 3, 31, 1, 30));
    expect(parse('2024-03-31 03:00')).toBe(utc(2024, 3, 31, 1, 0));
  });

  it('reads the repeated autumn hour (2024-10-27 02:30 happens twice) as its first occurrence, in CEST', () => {
    expect(parse('2024-10-27 01:30')).toBe(utc(2024, 10, 26, 23, 30));
    expect(parse('2024-10-27 02:30')).toBe(utc(2024, 10, 27, 0, 30));
    expect(parse('2024-10-27 03:00')).toBe(utc(2024, 10, 27, 2, 0));
  });

  it('one parser reads every hour of the days around both 2024 changes with the offset of that hour (per-day offset cache)', () => {
    const p = createTimestampParser();
    const two = (n: number) => String(n).padStart(2, '0');
    for (const [mo, d, change, before, after] of [
      [3, 30, 99, 1, 1],
      [3, 31, 2, 1, 2],
      [4, 1, -1, 2, 2],
      [10, 26, 99, 2, 2],
      [10, 27, 3, 2, 1],
      [10, 28, -1, 1, 1],
    ] as const) {
      for (let h = 0; h < 24; h++) {
        const offset = h < change ? before : after;
        const expected = mo === 3 && d === 31 && h === 2 ? utc(2024, 3, 31, 1, 15) : utc(2024, mo, d, h, 15) - offset * 3_600_000;
        expect(p(`2024-${two(mo)}-${two(d)} ${two(h)}:15`), `2024-${mo}-${d} ${h}:15`).toBe(expected);
      }
    }
    expect(p('2024-03-30 24:00')).toBe(utc(2024, 3, 30, 23, 0));
  });

  it('applies the same rules in another zone (America/New_York gap on 2024-03-10)', () => {
    const ny = createTimestampParser({ timezone: 'America/New_York' });
    expect(ny('2024-03-10 02:30')).toBe(utc(2024, 3, 10, 7, 30));
    expect(ny('2024-11-03 01:30')).toBe(utc(2024, 11, 3, 5, 30));
    expect(createTimestampParser({ timezone: 'UTC' })('2024-07-01 12:00')).toBe(utc(2024, 7, 1, 12));
  });
});

describe('explicit timestampFormat', () => {
  it('reads dd-mm-yyyy HH:MM, moment-style DD-MM-YYYY HH:mm and strftime codes', () => {
    expect(createTimestampParser({ format: 'dd-mm-yyyy HH:MM' })('05-03-2024 10:07')).toBe(utc(2024, 3, 5, 9, 7));
    expect(createTimestampParser({ format: 'DD-MM-YYYY HH:mm' })('05-03-2024 10:07')).toBe(utc(2024, 3, 5, 9, 7));
    expect(createTimestampParser({ format: '%Y%m%d %H%M%S' })('20240305 100700')).toBe(utc(2024, 3, 5, 9, 7));
  });

  it('reads month-first dates only when the format says so', () => {
    expect(createTimestampParser({ format: 'mm/dd/yyyy' })('03/05/2024')).toBe(utc(2024, 3, 4, 23));
    expect(createTimestampParser()('03/05/2024')).toBe(utc(2024, 5, 2, 22));
  });

  it('falls back to auto-detection for values that do not fit the format, and still rejects junk', () => {
    const parse = createTimestampParser({ format: 'dd-mm-yyyy HH:MM' });
    expect(parse('2024-03-05T10:07:00Z')).toBe(utc(2024, 3, 5, 10, 7));
    expect(parse('31-02-2024 10:00')).toBeNaN();
  });

  it('a month-first format never lets a value be read day-first: a month above 12 is bad, not a swapped date', () => {
    const parse = createTimestampParser({ format: 'mm-dd-yyyy HH:MM' });
    expect(parse('03-02-2024 08:15')).toBe(utc(2024, 3, 2, 7, 15));
    expect(parse('13-02-2024 08:15')).toBeNaN();
    expect(parse('02/03/2024')).toBeNaN();
    expect(parse('2024-02-13 08:15')).toBe(utc(2024, 2, 13, 7, 15));
    expect(createTimestampParser({ format: 'dd-mm-yyyy HH:MM' })('31-02-2024')).toBeNaN();
  });

  it('throws on an unknown token', () => {
    expect(() => createTimestampParser({ format: 'dd-mm-yyyy QQ' })).toThrow(/unknown token "QQ"/);
  });
});

describe('parseTimestamp', () => {
  it('returns epoch ms or null', () => {
    expect(parseTimestamp('2024-03-01T09:15:00Z')).toBe(utc(2024, 3, 1, 9, 15));
    expect(parseTimestamp('not a date')).toBeNull();
    expect(parseTimestamp('01-03-2024 09:15', { timezone: 'UTC' })).toBe(utc(2024, 3, 1, 9, 15));
  });
});

describe('speed', () => {
  it('parses 1,000,000 timestamps (ISO with offset, local ISO, Danish) in under 1 s of CPU time', () => {
    const values: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const d = new Date(utc(2024, 1, 1) + i * 7_777_777);
      const iso = d.toISOString();
      values.push(
        iso,
        iso.slice(0, 19).replace('T', ' '),
        `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)} ${iso.slice(11, 16)}`,
      );
    }
    const parse = createTimestampParser();
    let sum = 0;
    const cpu = process.cpuUsage();
    for (let i = 0; i < 1_000_000; i++) sum += parse(values[i % values.length] as string);
    const used = process.cpuUsage(cpu);
    expect(Number.isNaN(sum)).toBe(false);
    expect((used.user + used.system) / 1000).toBeLessThan(1000);
  });
});

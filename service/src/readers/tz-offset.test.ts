import { describe, expect, it } from 'vitest';
import { zoneFormat } from '@sagsflow/shared/calendar/local-date';
import { createLocalTimeConverter, offsetAt, offsetFromParts } from './tz-offset';

const HOUR = 3_600_000;

describe('offsetAt (a zone offset read from the formatted text)', () => {
  it('gives the offset of formatToParts at every hour of 2024 (two DST changes), in five zones', () => {
    for (const zone of ['Europe/Copenhagen', 'America/St_Johns', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC']) {
      const format = zoneFormat(zone);
      let differing = 0;
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += HOUR) {
        if (offsetAt(format, t) !== offsetFromParts(format, t)) differing++;
        if (offsetAt(format, t + 1234) !== offsetFromParts(format, t + 1234)) differing++;
      }
      expect(differing, zone).toBe(0);
    }
  });

  it('agrees with formatToParts far from today: two-digit, four-digit and five-digit years, before 1970 and before year 1', () => {
    const format = zoneFormat('Europe/Copenhagen');
    const instants = [
      Date.UTC(1, 0, 1, 12),
      Date.UTC(50, 5, 15, 3, 4, 5),
      Date.UTC(999, 11, 31, 23, 59, 59),
      Date.UTC(1893, 3, 1),
      Date.UTC(1945, 7, 15, 1, 30),
      Date.UTC(1969, 11, 31, 23, 0, 0, 999),
      -62_198_755_200_000 - 86_400_000 * 400,
      Date.UTC(10_000, 0, 1),
      Date.UTC(275_000, 0, 1),
    ];
    for (const t of instants) expect(offsetAt(format, t), new Date(t).toISOString()).toBe(offsetFromParts(format, t));
  });

  it('reads Copenhagen as UTC+1 in winter and UTC+2 in summer', () => {
    const format = zoneFormat('Europe/Copenhagen');
    expect(offsetAt(format, Date.UTC(2024, 0, 15, 12))).toBe(HOUR);
    expect(offsetAt(format, Date.UTC(2024, 6, 15, 12))).toBe(2 * HOUR);
    // The change of 2024-03-31 at 01:00 UTC.
    expect(offsetAt(format, Date.UTC(2024, 2, 31, 0, 59, 59))).toBe(HOUR);
    expect(offsetAt(format, Date.UTC(2024, 2, 31, 1))).toBe(2 * HOUR);
  });
});

describe('createLocalTimeConverter', () => {
  it('reads a gap forward and the first occurrence of a fold (Europe/Copenhagen)', () => {
    const zone = createLocalTimeConverter('Europe/Copenhagen');
    expect(zone.toUtc(2024, 3, 31, 2, 30, 0, 0)).toBe(Date.UTC(2024, 2, 31, 1, 30));
    expect(zone.toUtc(2024, 10, 27, 2, 30, 0, 0)).toBe(Date.UTC(2024, 9, 27, 0, 30));
    expect(zone.toUtc(2024, 7, 1, 8, 0, 21, 0)).toBe(Date.UTC(2024, 6, 1, 6, 0, 21));
  });
});

describe('createLocalTimeConverter (the per-day array against the per-hour offsets)', () => {
  it('gives the instant of the offset lookup for every hour of 1970-1971, 2024-2025 and 2225 in three zones', () => {
    for (const zone of ['Europe/Copenhagen', 'America/Santiago', 'Australia/Lord_Howe']) {
      const converter = createLocalTimeConverter(zone);
      let differing = 0;
      for (const [from, to] of [
        [1970, 1972],
        [2024, 2026],
        [2225, 2226],
      ] as const) {
        for (let day = Date.UTC(from, 0, 1); day < Date.UTC(to, 0, 1); day += 24 * HOUR) {
          const date = new Date(day);
          const [y, mo, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          for (let h = 0; h < 24; h++) {
            // A fraction of a millisecond takes the per-hour path (the day array serves whole milliseconds only).
            const expected = converter.toUtc(y, mo, d, h, 7, 9, 11.5) - 0.5;
            if (converter.toUtc(y, mo, d, h, 7, 9, 11) !== expected) differing++;
          }
        }
      }
      expect(differing, zone).toBe(0);
    }
  });

  it('reads fractions of a unit (no reader passes them) as the per-hour path does', () => {
    const converter = createLocalTimeConverter('Europe/Copenhagen');
    const reference = createLocalTimeConverter('Europe/Copenhagen');
    // Hour 24 always takes the per-hour path: the next day's midnight, as 0:00 of the next day gives.
    expect(converter.toUtc(2024, 7, 1, 24, 0, 0, 0)).toBe(reference.toUtc(2024, 7, 2, 0, 0, 0, 0));
    expect(converter.toUtc(2024, 7, 1, 10.5, 0, 0, 0)).toBe(reference.toUtc(2024, 7, 1, 10, 30, 0, 0));
    expect(converter.toUtc(2024, 7, 1, 10, 0, 1.25, 0)).toBe(reference.toUtc(2024, 7, 1, 10, 0, 1, 250));
  });
});

import { describe, expect, it } from 'vitest';
import { seededRandom } from '../statistics/seeded-random';
import { workingDurationMs } from './working-duration';
import { workingDurationTable } from './working-duration-table';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CPH = 'Europe/Copenhagen';

describe('workingDurationTable', () => {
  const from = Date.UTC(2023, 0, 1);
  const to = Date.UTC(2025, 11, 31);

  it('gives workingDurationMs for pairs in the span, across weekends, holidays and daylight-saving changes', () => {
    const random = seededRandom(5);
    // Instants near the DST changes of 2024 (31 March, 27 October) and at random in the span.
    const near = [Date.UTC(2024, 2, 30, 22), Date.UTC(2024, 2, 31, 1), Date.UTC(2024, 9, 26, 22), Date.UTC(2024, 9, 27, 0, 30)];
    for (const calendar of ['dk-administration', 'dk-statutory'] as const) {
      const working = workingDurationTable(calendar, CPH, from, to);
      for (let i = 0; i < 3000; i++) {
        const a = i % 3 === 0 ? near[i % near.length]! + Math.floor(random() * 6) * HOUR : from + Math.floor(random() * (to - from));
        const b = a + Math.floor(random() * (i % 2 === 0 ? 3 * DAY : 60 * DAY)) - DAY;
        const c = Math.min(b, to);
        expect(working(a, c)).toBe(workingDurationMs(a, c, calendar, CPH));
      }
    }
  });

  it('falls back to workingDurationMs outside the span and gives 0 when the end is not after the start', () => {
    const working = workingDurationTable('dk-statutory', CPH, from, to);
    const late = Date.UTC(2026, 5, 1, 12);
    expect(working(Date.UTC(2025, 11, 30, 9), late)).toBe(workingDurationMs(Date.UTC(2025, 11, 30, 9), late, 'dk-statutory', CPH));
    expect(working(Date.UTC(2024, 0, 2, 10), Date.UTC(2024, 0, 2, 10))).toBe(0);
    // Friday 12:00 to Monday 12:00 local time (winter, UTC+1): 12 h + 12 h.
    expect(working(Date.UTC(2024, 0, 5, 11), Date.UTC(2024, 0, 8, 11))).toBe(DAY);
  });
});

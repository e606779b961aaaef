import { describe, expect, it } from 'vitest';
import { createPeriodOf } from './period';

describe('createPeriodOf', () => {
  const periodOf = createPeriodOf();
  it('periodOf reads the month in Copenhagen time, across winter and summer time', () => {
    expect(periodOf(Date.UTC(2024, 0, 31, 22, 59))).toBe('2024-01');
    expect(periodOf(Date.UTC(2024, 0, 31, 23, 0))).toBe('2024-02');
    expect(periodOf(Date.UTC(2024, 5, 30, 21, 59))).toBe('2024-06');
    expect(periodOf(Date.UTC(2024, 5, 30, 22, 0))).toBe('2024-07');
    expect(periodOf(Date.UTC(2027, 9, 31, 22, 59))).toBe('2027-10');
    expect(periodOf(Date.UTC(2027, 9, 31, 23, 0))).toBe('2027-11');
  });
  it('createPeriodOf("UTC") reads the month in UTC', () => {
    expect(createPeriodOf('UTC')(Date.UTC(2024, 0, 31, 23, 0))).toBe('2024-01');
  });
});

import { describe, expect, it } from 'vitest';
import { localTime } from './local-time';

describe('localTime', () => {
  it('prints summer and winter instants in Copenhagen wall-clock time', () => {
    expect(localTime(Date.UTC(2024, 6, 1, 12, 41))).toBe('2024-07-01 14:41');
    expect(localTime(Date.UTC(2024, 0, 2, 23, 30))).toBe('2024-01-03 00:30');
  });

  it('uses the zone it is given', () => {
    expect(localTime(Date.UTC(2024, 6, 1, 12, 41), 'UTC')).toBe('2024-07-01 12:41');
  });
});

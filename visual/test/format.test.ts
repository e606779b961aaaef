import { describe, expect, it } from 'vitest';
import { formatDuration } from '../src/format/duration';
import { createFormatter } from '../src/format/formatter';
import { groupCountLabel } from '../src/format/group-count';

const DAY = 86400;

describe('createFormatter', () => {
  it('formats counts and cases in Danish', () => {
    const da = createFormatter('da-DK');
    expect(da.count(1234)).toBe('1.234');
    expect(da.cases(1234)).toBe('1.234 sager');
    expect(da.cases(1)).toBe('1 sag');
    expect(da.duration(3.5 * DAY)).toBe('3,5 dage');
    expect(da.percent(0.125)).toBe('12,5\u00a0%');
  });

  it('formats counts and cases in English', () => {
    const en = createFormatter('en-US');
    expect(en.count(1234)).toBe('1,234');
    expect(en.cases(1234)).toBe('1,234 cases');
    expect(en.cases(1)).toBe('1 case');
    expect(en.duration(3.5 * DAY)).toBe('3.5 days');
    expect(en.percent(0.125)).toBe('12.5%');
  });

  it('falls back to en-US for an unknown or missing locale', () => {
    expect(createFormatter(undefined).cases(1234)).toBe('1,234 cases');
    expect(createFormatter('').count(1234567)).toBe('1,234,567');
  });
});

describe('formatDuration', () => {
  it('picks the largest unit reached and one decimal', () => {
    expect(formatDuration(DAY, 'da-DK')).toBe('1 dag');
    expect(formatDuration(DAY, 'en-US')).toBe('1 day');
    expect(formatDuration(2.25 * 3600, 'da-DK')).toBe('2,3 timer');
    expect(formatDuration(3600, 'da-DK')).toBe('1 time');
    expect(formatDuration(5400, 'en-US')).toBe('1.5 hours');
    expect(formatDuration(45 * 60, 'en-US')).toBe('45 min');
    expect(formatDuration(12, 'da-DK')).toBe('12 sek');
    expect(formatDuration(0, 'en-US')).toBe('0 s');
    expect(formatDuration(400 * DAY, 'da-DK')).toBe('400 dage');
  });

  it('shows an en dash for a missing duration', () => {
    expect(formatDuration(Number.NaN, 'da-DK')).toBe('–');
  });
});

describe('groupCountLabel', () => {
  it('hides counts under the minimum group size and formats the rest in the locale', () => {
    const da = createFormatter('da-DK');
    expect(groupCountLabel(3, 5, da)).toBe('<5');
    expect(groupCountLabel(5, 5, da)).toBe('5');
    expect(groupCountLabel(0, 5, da)).toBe('0');
    expect(groupCountLabel(1234, 5, da)).toBe('1.234');
  });
});

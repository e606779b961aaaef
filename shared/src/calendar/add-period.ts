import { civilFromDays, daysFromCivil, daysInMonth } from './civil-date';

/** The day N days later (N may be negative). */
export function addDays(dayNumber: number, days: number): number {
  return dayNumber + days;
}

/** The day N weeks later: the same weekday, 7N days on. */
export function addWeeks(dayNumber: number, weeks: number): number {
  return dayNumber + 7 * weeks;
}

/**
 * The same day of the month N months later, or the last day of that month when it has
 * no such day (forældelsesloven § 27, stk. 1 convention).
 *
 * @example formatIsoDate(addMonths(parseIsoDate('2024-01-31'), 1)) // '2024-02-29'
 */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = civilFromDays(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return daysFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

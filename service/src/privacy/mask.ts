/**
 * A CPR-like value: six digits that read as a date (DDMMYY), an optional hyphen and four
 * digits, standing alone. Matches every real CPR number; may also match other 10-digit
 * numbers that start with a plausible date, which is the safe side.
 */
export const CPR_PATTERN = /\b(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}-?\d{4}\b/g;

/** What a masked CPR-like value reads as in stored copies. */
export const CPR_MASK = '******-****';

const QUICK = /\d{6}/;

/** `text` with every CPR-like value replaced by `******-****`. */
export function maskCpr(text: string): string {
  if (!QUICK.test(text)) return text;
  return text.replace(CPR_PATTERN, CPR_MASK);
}

/** True when `text` contains a CPR-like value. */
export function containsCpr(text: string): boolean {
  if (!QUICK.test(text)) return false;
  CPR_PATTERN.lastIndex = 0;
  return CPR_PATTERN.test(text);
}

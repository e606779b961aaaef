/** Longest run of words a personal value may span (e.g. a full name). */
export const MAX_WORDS = 4;
/** A word of text as the scrubber matches it: letters and digits, with an apostrophe and letters after. */
export const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * The key a personal value is remembered under: its 1 to 4 words (`WORD`) lower-cased and joined
 * by one space; null for a value shorter than 3 characters, without a letter or with more words.
 * ASCII values (most case ids, CPR numbers and names) are split without the Unicode regex.
 */
export function personalKey(value: string): string | null {
  if (value.length < 3) return null;
  const key = asciiKey(value);
  if (key === undefined) {
    if (!/\p{L}/u.test(value)) return null;
    const matched = value.match(WORD);
    return matched && matched.length <= MAX_WORDS ? matched.join(' ').toLowerCase() : null;
  }
  return key;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * The key of an ASCII value (`value.match(WORD)` lower-cased and joined, scanned by hand): null
 * when it has no letter or more than `MAX_WORDS` words; undefined (use the regex) when it has a
 * non-ASCII character. A value whose words are parted by single separators of one kind (`Anna
 * Jensen`, `DAG-2024-000220`) is lower-cased whole, without building the key word by word.
 */
function asciiKey(value: string): string | null | undefined {
  const n = value.length;
  let words = 0;
  let letter = false;
  /** The one separator between words so far (-1: none yet); `simple` false once another one or a longer run is seen. */
  let separator = -1;
  let simple = true;
  let i = 0;
  while (i < n) {
    const c = value.charCodeAt(i);
    if (c >= 128) return undefined;
    if (!isLetter(c) && !isDigit(c)) {
      if (i === 0 || (separator >= 0 && separator !== c)) simple = false;
      separator = c;
      const from = i++;
      for (; i < n; i++) {
        const d = value.charCodeAt(i);
        if (d >= 128) return undefined;
        if (isLetter(d) || isDigit(d)) break;
      }
      if (i - from > 1 || i === n) simple = false;
      continue;
    }
    for (; i < n; i++) {
      const d = value.charCodeAt(i);
      if (isLetter(d)) letter = true;
      else if (!isDigit(d)) break;
    }
    if (i + 1 < n && value.charCodeAt(i) === 39 && isLetter(value.charCodeAt(i + 1))) {
      letter = true;
      for (i += 1; i < n && isLetter(value.charCodeAt(i)); i++);
    }
    words++;
  }
  if (!letter || words > MAX_WORDS) return null;
  if (simple && separator !== 39) {
    const lower = value.toLowerCase();
    return separator === -1 || separator === 32 ? lower : lower.replaceAll(String.fromCharCode(separator), ' ');
  }
  return joinedWords(value);
}

/** `asciiKey` of an ASCII value with a letter and at most `MAX_WORDS` words, built word by word. */
function joinedWords(value: string): string {
  let key = '';
  let words = 0;
  const n = value.length;
  let i = 0;
  while (i < n) {
    const c = value.charCodeAt(i);
    if (!isLetter(c) && !isDigit(c)) {
      i++;
      continue;
    }
    const start = i;
    for (; i < n && (isLetter(value.charCodeAt(i)) || isDigit(value.charCodeAt(i))); i++);
    if (i + 1 < n && value.charCodeAt(i) === 39 && isLetter(value.charCodeAt(i + 1))) {
      for (i += 1; i < n && isLetter(value.charCodeAt(i)); i++);
    }
    key = words++ === 0 ? value.slice(start, i) : `${key} ${value.slice(start, i)}`;
  }
  return key.toLowerCase();
}

/**
 * False when the key of the value `text[from, to)` certainly does not start with one of
 * `firstWords` (lower-cased words), read from an ASCII first word by hand without building the
 * key; true when it may (then `personalKey` decides), and for a value whose start is not plain ASCII.
 */
export function mayStartWith(text: string, from: number, to: number, firstWords: readonly string[]): boolean {
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return true;
    if (isLetter(c) || isDigit(c)) break;
  }
  if (i === to) return false;
  const start = i;
  for (; i < to && (isLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i))); i++);
  if (i + 1 < to && text.charCodeAt(i) === 39 && isLetter(text.charCodeAt(i + 1))) {
    for (i += 1; i < to && isLetter(text.charCodeAt(i)); i++);
  }
  if ((i < to && text.charCodeAt(i) >= 128) || (i + 1 < to && text.charCodeAt(i + 1) >= 128)) return true;
  const n = i - start;
  for (const word of firstWords) {
    if (word.length !== n) continue;
    let j = 0;
    for (; j < n; j++) {
      const c = text.charCodeAt(start + j);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(j)) break;
    }
    if (j === n) return true;
  }
  return false;
}

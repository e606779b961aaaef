import { CPR_MASK, maskCpr, type Pseudonymizer } from '../privacy/index';

/** How many distinct personal values a load remembers for scrubbing text. */
const PERSONAL_LIMIT = 200_000;
/** Longest run of words a personal value may span (e.g. a full name). */
const MAX_WORDS = 4;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** A CPR-like number between any non-digits (`maskCpr` needs word boundaries; a file name has `_` around it). */
const CPR_ANYWHERE = /(?<![0-9])(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}-?\d{4}(?![0-9])/g;

/**
 * Scrubs text that may mention people: free-text attribute values and file names. It remembers
 * the clear values of the pseudonymised columns (names, case ids) as the load reads them and
 * replaces each mention of one (1 to 4 words, case-insensitive, whatever separates the words) by
 * its keyed pseudonym; CPR-like numbers are masked.
 *
 * @example
 * const t = createTextScrubber(p); t.remember('Anna Jensen'); t.scrub('ring til anna jensen 010203-1234')
 * // 'ring til p_… ******-****'
 */
export function createTextScrubber(pseudonymizer: Pseudonymizer) {
  const personal = new Map<string, string>();
  return {
    /** Remembers a clear value that the load pseudonymises. */
    remember(value: string): void {
      if (personal.size >= PERSONAL_LIMIT) return;
      const key = personalKey(value);
      if (key !== null && !personal.has(key)) personal.set(key, value);
    },
    /** The text with CPR-like numbers masked and remembered personal values pseudonymised. */
    scrub(text: string): string {
      const masked = maskCpr(text).replace(CPR_ANYWHERE, CPR_MASK);
      if (personal.size === 0) return masked;
      const words = [...masked.matchAll(WORD)];
      let out = '';
      let at = 0;
      for (let i = 0; i < words.length; i++) {
        for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1; n--) {
          const key = words
            .slice(i, i + n)
            .map((w) => w[0])
            .join(' ')
            .toLowerCase();
          const value = personal.get(key);
          if (value === undefined) continue;
          const start = words[i]!.index!;
          const last = words[i + n - 1]!;
          out += masked.slice(at, start) + pseudonymizer.pseudonym(value);
          at = last.index! + last[0].length;
          i += n - 1;
          break;
        }
      }
      return out + masked.slice(at);
    },
  };
}

export type TextScrubber = ReturnType<typeof createTextScrubber>;

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

/** True for a value that reads as free text (long and wordy): a note, not a code or a name. */
export function looksLikeFreeText(value: string): boolean {
  return value.length >= 40 && (value.match(/\s+/g)?.length ?? 0) >= 4;
}

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
      if (personal.size >= PERSONAL_LIMIT || value.length < 3 || !/\p{L}/u.test(value)) return;
      const words = value.match(WORD);
      if (!words || words.length > MAX_WORDS) return;
      const key = words.join(' ').toLowerCase();
      if (!personal.has(key)) personal.set(key, value);
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

/** True for a value that reads as free text (long and wordy): a note, not a code or a name. */
export function looksLikeFreeText(value: string): boolean {
  return value.length >= 40 && (value.match(/\s+/g)?.length ?? 0) >= 4;
}

import { CPR_MASK, maskCpr, type Pseudonymizer } from '../privacy/index';
import { PendingValues } from './pending-values';
import { MAX_WORDS, WORD, mayStartWith, personalKey } from './scrub-keys';

export { personalKey } from './scrub-keys';

/** How many distinct personal values a load remembers for scrubbing text. */
const PERSONAL_LIMIT = 200_000;
/** Values remembered before they are keyed in any case (bounds the memory of the pending values). */
const PENDING_LIMIT = 1_000_000;
/** A CPR-like number between any non-digits (`maskCpr` needs word boundaries; a file name has `_` around it). */
const CPR_ANYWHERE = /(?<![0-9])(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}-?\d{4}(?![0-9])/g;

/**
 * Scrubs text that may mention people: free-text attribute values and file names. It remembers
 * the clear values of the pseudonymised columns (names, case ids) as the load reads them and
 * replaces each mention of one (1 to 4 words, case-insensitive, whatever separates the words) by
 * its keyed pseudonym; CPR-like numbers are masked. Of values with the same key the first one
 * remembered counts, and at most `PERSONAL_LIMIT` keys are kept.
 *
 * Remembering is cheap: values wait in a compact list and are keyed when text is scrubbed. Most
 * loads scrub only their file names, at the end; the first scrub then looks for its few
 * candidate keys in the waiting values instead of keying them all (it keys them all, with the
 * same outcome, when a match may lie past the limit).
 *
 * @example
 * const t = createTextScrubber(p); t.remember('Anna Jensen'); t.scrub('ring til anna jensen 010203-1234')
 * // 'ring til p_… ******-****'
 */
export function createTextScrubber(pseudonymizer: Pseudonymizer) {
  const personal = new Map<string, string>();
  const pending = new PendingValues();
  let lookedUpPending = false;
  const settle = (): void => {
    pending.forEachRange((text, from, to) => {
      if (personal.size >= PERSONAL_LIMIT) return false;
      const value = from === 0 && to === text.length ? text : text.slice(from, to);
      const key = personalKey(value);
      if (key !== null && !personal.has(key)) personal.set(key, value);
      return true;
    });
    pending.clear();
  };
  /** The first waiting value of each of `keys` not known yet; null when one may lie past the limit. */
  const firstPending = (keys: ReadonlySet<string>): Map<string, string> | null => {
    const found = new Map<string, string>();
    const firstWords = [...new Set([...keys].map((k) => k.split(' ')[0]!))];
    const room = PERSONAL_LIMIT - personal.size;
    let certain = true;
    // Values that pass the prefilter repeat (names of many cases): each is keyed once.
    const keyed = new Map<string, string | null>();
    pending.forEachRange((text, from, to, index) => {
      if (!mayStartWith(text, from, to, firstWords)) return true;
      const value = text.slice(from, to);
      let key = keyed.get(value);
      if (key === undefined) keyed.set(value, (key = personalKey(value)));
      if (key === null || !keys.has(key) || personal.has(key) || found.has(key)) return true;
      if (index >= room) return (certain = false);
      found.set(key, value);
      return true;
    });
    return certain ? found : null;
  };
  return {
    /** Remembers a clear value that the load pseudonymises. */
    remember(value: string): void {
      if (personal.size >= PERSONAL_LIMIT) return;
      pending.push(value);
      if (pending.length >= PENDING_LIMIT) settle();
    },
    /** The text with CPR-like numbers masked and remembered personal values pseudonymised. */
    scrub(text: string): string {
      const masked = maskCpr(text).replace(CPR_ANYWHERE, CPR_MASK);
      if (personal.size === 0 && pending.length === 0) return masked;
      const words = [...masked.matchAll(WORD)];
      const keyOf = (i: number, n: number): string =>
        words
          .slice(i, i + n)
          .map((w) => w[0])
          .join(' ')
          .toLowerCase();
      let lookup = (key: string): string | undefined => personal.get(key);
      if (pending.length > 0 && !lookedUpPending) {
        lookedUpPending = true;
        const keys = new Set<string>();
        for (let i = 0; i < words.length; i++) for (let n = 1; n <= Math.min(MAX_WORDS, words.length - i); n++) keys.add(keyOf(i, n));
        const found = firstPending(keys);
        if (found === null) settle();
        else if (found.size > 0) lookup = (key) => personal.get(key) ?? found.get(key);
      } else if (pending.length > 0) settle();
      let out = '';
      let at = 0;
      for (let i = 0; i < words.length; i++) {
        for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1; n--) {
          const value = lookup(keyOf(i, n));
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

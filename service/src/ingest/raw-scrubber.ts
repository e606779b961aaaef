import type { Pseudonymizer } from '../privacy/index';
import { maskCpr } from '../privacy/index';

/**
 * What the scrubber may leave in clear: values already stored in clear elsewhere (activities,
 * and values of attributes that are not pseudonymised), and jobcenters.
 */
export interface KnownValues {
  /** Values stored in clear elsewhere: activities and values of attributes not pseudonymised. */
  clear: Set<string>;
  jobcenters: Set<string>;
}

const DATE_OR_NUMBER = /^[\d\s:.,/+\-TZ]*$/;
const BARE_NUMBER = /^\d+$/;
const LIFECYCLE = /^(start|complete|schedule|assign|suspend|resume|ate_abort|pi_abort|withdraw|reassign|manualskip|autoskip|unknown)$/i;
const DELIMITERS = [';', ',', '\t', '|'] as const;

/**
 * Makes the raw content of a quarantined record safe to store, deny-by-default: a field stays
 * in clear only when it is empty, a known activity, jobcenter or lifecycle word, or reads as a
 * date or number (with CPR-like values masked; bare numbers of 4+ digits, which may be case
 * ids, are pseudonymised). Every other field becomes its keyed pseudonym. CSV records are
 * split on their most frequent delimiter; XES snippets have their `value="..."` scrubbed.
 */
export function createRawScrubber(pseudonymizer: Pseudonymizer, known: KnownValues) {
  const field = (value: string): string => {
    const t = value.trim().replace(/^"(.*)"$/s, '$1');
    if (t === '' || known.clear.has(t) || known.jobcenters.has(t) || LIFECYCLE.test(t)) return value;
    if (BARE_NUMBER.test(t) && t.length >= 4) return pseudonymizer.pseudonym(t);
    if (DATE_OR_NUMBER.test(t)) return maskCpr(value);
    return pseudonymizer.pseudonym(t);
  };
  return {
    /** The scrubbed raw record. */
    raw(raw: string): string {
      if (raw.trimStart().startsWith('<')) {
        return maskCpr(raw.replace(/value="([^"]*)"/g, (_m, v: string) => `value="${field(v)}"`));
      }
      let delimiter: string = DELIMITERS[0];
      let best = -1;
      for (const d of DELIMITERS) {
        const n = raw.split(d).length;
        if (n > best) {
          best = n;
          delimiter = d;
        }
      }
      return raw.split(delimiter).map(field).join(delimiter);
    },
    /**
     * The message with every quoted value scrubbed and CPR-like values masked, except what keeps a
     * reason readable: the value of an unreadable timestamp (only CPR-masked) and the mapping's
     * `timestampFormat` (never personal).
     */
    message(message: string): string {
      return maskCpr(
        message.replace(/(timestampFormat |timestamp )?"([^"]*)"/g, (_m, before: string | undefined, v: string) =>
          before ? `${before}"${v}"` : `"${field(v)}"`,
        ),
      );
    },
  };
}

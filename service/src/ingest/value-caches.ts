/**
 * Small caches for the ingest sink's hot path. Rows of an extract come case by case, so a
 * column's value usually equals the one of the row before: comparing with the last raw value
 * is cheaper than a Map lookup (no hashing), and a Map lookup is cheaper than an HMAC.
 */

/** Slots of `memoize`'s small table in front of its Map (a power of two). */
const MEMO_SLOTS = 64;

/** A value remembered by `memoize`: the raw value (the Map's own key) and what it converts to. */
interface MemoEntry {
  raw: string;
  out: string;
}

/**
 * `convert(value)` memoised: last value first, then a small table indexed by the value's length and
 * two of its characters (a hit costs one comparison of the characters, no hashing), then a Map of up
 * to `limit` distinct values. Values past the limit are converted again each time.
 */
export function memoize(convert: (value: string) => string, limit = 100_000): (value: string) => string {
  const seen = new Map<string, MemoEntry>();
  const slots: (MemoEntry | null)[] = new Array<MemoEntry | null>(MEMO_SLOTS).fill(null);
  let lastRaw: string | null = null;
  let last = '';
  return (value) => {
    if (value === lastRaw) return last;
    const n = value.length;
    const slot = n === 0 ? 0 : (n * 31 + value.charCodeAt(n - 1) * 7 + value.charCodeAt(n >> 1)) & (MEMO_SLOTS - 1);
    let entry = slots[slot]!;
    if (entry === null || entry.raw !== value) {
      const known = seen.get(value);
      if (known === undefined) {
        const out = convert(value);
        if (seen.size >= limit) {
          lastRaw = value;
          last = out;
          return out;
        }
        seen.set(value, (entry = { raw: value, out }));
      } else entry = known;
      slots[slot] = entry;
    }
    lastRaw = value;
    last = entry.out;
    return last;
  };
}

/**
 * The cleaned event attributes of a row and their JSON, reused while the raw attributes are
 * equal to the previous row's. `clean(key, value, personal)` must depend only on its arguments;
 * a value equal to the row's case id or resource is pseudonymised whatever its key, so such a
 * row is never served from (or stored in) the cache. A null from `clean` leaves the attribute out.
 */
export class EventAttributeCache {
  /** The cleaned attributes of the last `update` (null when none), and their JSON. */
  attrs: Record<string, string> | null = null;
  json: string | null = null;
  private readonly keys: string[] = [];
  private readonly raws: (string | undefined)[] = [];
  private valid = false;
  private raw: Readonly<Record<string, string>> | null = null;

  constructor(private readonly clean: (key: string, value: string, personal: boolean) => string | null) {}

  update(raw: Readonly<Record<string, string>>, rawCase: string, rawResource: string | null | undefined): void {
    const keys = this.keys;
    const raws = this.raws;
    if (this.valid && raw === this.raw) {
      // The very object of the last row (the CSV reader hands it out again while the values repeat).
      let i = 0;
      for (; i < raws.length; i++) if (raws[i] === rawCase || raws[i] === rawResource) break;
      if (i === raws.length) return;
    } else if (this.valid) {
      let i = 0;
      let same = true;
      for (const key in raw) {
        const v = raw[key];
        if (i >= keys.length || keys[i] !== key || raws[i] !== v || v === rawCase || v === rawResource) {
          same = false;
          break;
        }
        i++;
      }
      if (same && i === keys.length) return;
    }
    this.raw = raw;
    keys.length = 0;
    raws.length = 0;
    let attrs: Record<string, string> | null = null;
    let eventDependent = false;
    for (const key in raw) {
      const v = raw[key];
      keys.push(key);
      raws.push(v);
      if (v === undefined || v === '') continue;
      const sameAsEvent = v === rawCase || v === rawResource;
      if (sameAsEvent) eventDependent = true;
      const cleaned = this.clean(key, v, sameAsEvent);
      if (cleaned !== null) (attrs ??= {})[key] = cleaned;
    }
    this.attrs = attrs;
    this.json = attrs === null ? null : JSON.stringify(attrs);
    this.valid = !eventDependent;
  }

  /** Forgets the cached row (use when there are no attributes). */
  clear(): void {
    this.raw = null;
    this.attrs = null;
    this.json = null;
    this.valid = false;
  }
}

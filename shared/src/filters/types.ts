/**
 * How a timeframe filter relates a case (first to last event) to `[from, to)`:
 * `contained` lies wholly inside, `intersecting` overlaps it, `startedIn` has its
 * first event inside, `completedIn` has its last event inside.
 */
export type TimeframeMode = 'contained' | 'intersecting' | 'startedIn' | 'completedIn';

/**
 * One filter step; `filterLog` applies a list of them in order. All filters keep or
 * drop whole cases, except `eventAttribute` with `keep: 'events'`, which drops events
 * (and cases left empty). Activity names unknown to the log match nothing; an unknown
 * attribute name is a `NotFoundError`.
 */
export type LogFilter =
  /** Times in epoch ms, half-open: `from <= t < to`. */
  | { kind: 'timeframe'; mode: TimeframeMode; from: number; to: number }
  /** Cases whose attribute is one of `values`; with `exclude`, the other cases (those without the attribute included). */
  | { kind: 'caseAttribute'; attribute: string; values: readonly string[]; exclude?: boolean }
  /** Events whose attribute is one of `values`, or whole cases having such an event. */
  | { kind: 'eventAttribute'; attribute: string; values: readonly string[]; keep: 'events' | 'cases' }
  /** The cases of the k most frequent variants. */
  | { kind: 'topVariants'; k: number }
  /** The cases of the most frequent variants until they cover `percent` (0..100) of the cases. */
  | { kind: 'variantCoverage'; percent: number }
  /** The cases of the variants with these keys (`variantKey`). */
  | { kind: 'variantKeys'; keys: readonly string[] }
  /** Cases lasting from `minMs` to `maxMs`, both inclusive and optional. */
  | { kind: 'caseDuration'; minMs?: number; maxMs?: number }
  /** Cases with at least one event of `activity`. */
  | { kind: 'passesThrough'; activity: string }
  /** Cases without any event of `activity`. */
  | { kind: 'notPassesThrough'; activity: string }
  /** Cases whose first activity is one of these. */
  | { kind: 'startActivity'; activities: readonly string[] }
  /** Cases whose last activity is one of these. */
  | { kind: 'endActivity'; activities: readonly string[] }
  /** Cases where `from` is immediately followed by `to` at least once. */
  | { kind: 'directlyFollows'; from: string; to: string }
  /** Cases where `from` is followed by `to` at some later point. */
  | { kind: 'eventuallyFollows'; from: string; to: string };

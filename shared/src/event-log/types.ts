/**
 * The in-memory event log every mining function works on.
 *
 * Built for speed and memory: activity and resource names are interned (ids index
 * into `activities` / `resources`), per-event fields are typed arrays, and a case is
 * the index range `[caseOffsets[c], caseOffsets[c + 1])` of the event arrays.
 * Events of a case are ordered by timestamp; ties keep their order in the input.
 * Build one with `EventLogBuilder`; never mutate one in place (filters return new logs).
 */
export interface EventLog {
  /** Interned activity names; `activity[e]` indexes into this. */
  readonly activities: readonly string[];
  /** Interned resource names; `resource[e]` indexes into this, -1 when the event has none. */
  readonly resources: readonly string[];
  /** The case id of every case, in case order. */
  readonly caseIds: readonly string[];
  /** Length `caseCount + 1`; the events of case c are `caseOffsets[c] .. caseOffsets[c+1]-1`. */
  readonly caseOffsets: Uint32Array;
  /** Activity id per event. */
  readonly activity: Uint32Array;
  /** Timestamp per event, epoch milliseconds (UTC). */
  readonly timestamp: Float64Array;
  /** Resource id per event, -1 when absent. */
  readonly resource: Int32Array;
  /** Lifecycle transition per event, see `Lifecycle`. */
  readonly lifecycle: Uint8Array;
  /** Case attributes by name: one interned column, `values[codes[c]]`, code -1 = absent. */
  readonly caseAttributes: ReadonlyMap<string, AttributeColumn>;
  /** Event attributes by name: one interned column per attribute, indexed by event. */
  readonly eventAttributes: ReadonlyMap<string, AttributeColumn>;
}

/** An interned string column: `values[codes[i]]`, or absent where `codes[i] === -1`. */
export interface AttributeColumn {
  readonly values: readonly string[];
  readonly codes: Int32Array;
}

/** Lifecycle transitions as stored in `EventLog.lifecycle`. */
export const Lifecycle = {
  /** No lifecycle given: the event is an instance on its own (treated as complete). */
  none: 0,
  start: 1,
  complete: 2,
  /** Any other XES transition (schedule, suspend, resume, ate_abort, ...). */
  other: 3,
} as const;
export type LifecycleCode = (typeof Lifecycle)[keyof typeof Lifecycle];

/** One event as readers hand it over, before interning. */
export interface RawEvent {
  caseId: string;
  activity: string;
  /** Epoch milliseconds, UTC. */
  timestamp: number;
  resource?: string | null;
  /** The raw lifecycle transition text (`start`, `complete`, `schedule`, ...) or null. */
  lifecycle?: string | null;
  /** Case-level attributes (e.g. `jobcenter`); the first non-empty value seen for a case wins. */
  caseAttributes?: Readonly<Record<string, string>>;
  /** Event-level attributes. */
  eventAttributes?: Readonly<Record<string, string>>;
}

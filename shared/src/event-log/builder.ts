import { InvalidLogError, quote } from '../errors';
import { ensureCapacity } from './growable';
import { CaseInterner } from './case-interner';
import { Interner } from './interner';
import { lifecycleCode } from './lifecycle-code';
import type { AttributeColumn, EventLog, LifecycleCode, RawEvent } from './types';
import { groupedCaseOffsets, orderEventsByCase } from './order-events';

/**
 * Events as interned columns (a reader's batch): event `i` has case `cases[caseOf[i]]`,
 * activity `activities[activityOf[i]]`, resource `resources[resourceOf[i]]` and lifecycle
 * `lifecycles[lifecycleOf[i]]` (-1: none) and timestamp `time[i]` (epoch ms); `size` events.
 */
export interface EventColumns {
  size: number;
  cases: readonly string[];
  activities: readonly string[];
  resources: readonly string[];
  lifecycles: readonly string[];
  caseOf: Uint32Array;
  activityOf: Uint32Array;
  resourceOf: Int32Array;
  lifecycleOf: Int32Array;
  time: Float64Array;
  /**
   * A hash of each of `cases`, when the reader has one at hand: equal ids must have equal hashes
   * in every batch that carries them. Lets the builder find case ids without a map of strings.
   */
  caseHashes?: Int32Array | undefined;
}

interface GrowingColumn {
  /** Case attributes: a `CaseInterner`, so values with a hash at hand need no map of strings. */
  interner: Interner | CaseInterner;
  codes: Int32Array;
}

/**
 * Collects events one at a time and builds an `EventLog`: interns case ids,
 * activities, resources and attribute values, groups events by case (cases in
 * first-seen order) and orders each case's events by timestamp, ties in input order.
 *
 * The hot path keeps no per-event objects: `addEvent` writes straight into growable
 * typed arrays; `add` is a thin wrapper for readers that already hold a `RawEvent`.
 *
 * @example
 * const builder = new EventLogBuilder();
 * builder.add({ caseId: 'c1', activity: 'Tilmelding', timestamp: Date.UTC(2024, 0, 2) });
 * builder.addEvent('c1', 'Afmeldt', Date.UTC(2024, 1, 1));
 * const log = builder.build();
 */
export class EventLogBuilder {
  private size = 0;
  private caseOf = new Uint32Array(1024);
  private activityOf = new Uint32Array(1024);
  private timeOf = new Float64Array(1024);
  private resourceOf = new Int32Array(1024).fill(-1);
  private lifecycleOf = new Uint8Array(1024);
  private readonly cases = new CaseInterner();
  private readonly activities = new Interner();
  private readonly resources = new Interner();
  private readonly lifecycleCache = new Map<string, LifecycleCode>();
  private readonly caseColumns = new Map<string, GrowingColumn>();
  private readonly eventColumns = new Map<string, GrowingColumn>();
  private lastCaseId: string | undefined;
  private lastCase = 0;

  /** Makes room for `events` events in all, so adding up to that many copies no arrays (a reader's estimate; more is fine). */
  reserve(events: number): void {
    if (events > this.caseOf.length) this.grow(events, true);
  }

  /** Number of events added so far. */
  get eventCount(): number {
    return this.size;
  }

  /** Adds one event as readers hand it over, with its case and event attributes. */
  add(e: RawEvent): void {
    this.addEvent(e.caseId, e.activity, e.timestamp, e.resource, e.lifecycle);
    if (e.caseAttributes) {
      for (const name in e.caseAttributes) this.setCaseAttribute(name, e.caseAttributes[name]);
    }
    if (e.eventAttributes) {
      for (const name in e.eventAttributes) this.setEventAttribute(name, e.eventAttributes[name]);
    }
  }

  /**
   * The fast path: adds one event without building an object. Returns the event's
   * input index. `lifecycle` is the raw text (`start`, `COMPLETE`, ...), absent = none.
   */
  addEvent(caseId: string, activity: string, timestamp: number, resource?: string | null, lifecycle?: string | null): number {
    if (!Number.isFinite(timestamp)) this.checkTimestamp(timestamp, caseId);
    const i = this.size;
    if (i === this.caseOf.length) this.grow(i + 1);
    if (caseId !== this.lastCaseId) {
      this.lastCase = this.cases.intern(caseId);
      this.lastCaseId = caseId;
    }
    this.caseOf[i] = this.lastCase;
    this.activityOf[i] = this.activities.intern(activity);
    this.timeOf[i] = timestamp;
    this.resourceOf[i] = resource == null || resource === '' ? -1 : this.resources.intern(resource);
    if (lifecycle != null) this.lifecycleOf[i] = this.lifecycle(lifecycle);
    this.size = i + 1;
    return i;
  }

  /**
   * The id `addIds` takes for a case id, interned as `addEvent` interns it (first-seen order:
   * ask in the order of the events). The value is kept as it is: it must be a string of its own.
   */
  caseIdOf(caseId: string): number {
    return this.cases.internOwn(caseId);
  }

  /** `caseIdOf` with a hash of the case id at hand (equal ids, equal hashes): found without a map of strings, see `CaseInterner`. */
  caseIdOfHashed(caseId: string, hash: number): number {
    return this.cases.internHashed(caseId, hash);
  }

  /** `caseIdOf` for an activity. */
  activityIdOf(activity: string): number {
    return this.activities.internOwn(activity);
  }

  /** `caseIdOf` for a resource; the empty resource is none (-1), as in `addEvent`. */
  resourceIdOf(resource: string): number {
    return resource === '' ? -1 : this.resources.internOwn(resource);
  }

  /** The lifecycle code `addIds` takes for raw lifecycle text (as `addEvent` reads it; 0: none). */
  lifecycleCodeOf(text: string): number {
    return this.lifecycle(text);
  }

  /**
   * `addEvent` for a caller that keeps the ids of repeating values (from `caseIdOf`,
   * `activityIdOf`, `resourceIdOf`, `lifecycleCodeOf`; resource -1: none): the same log, without
   * a string lookup per event. `caseIdText` is the case id, for the error on a bad timestamp.
   */
  addIds(caseId: number, activity: number, timestamp: number, resource: number, lifecycle: number, caseIdText: string): void {
    if (!Number.isFinite(timestamp)) this.checkTimestamp(timestamp, caseIdText);
    const i = this.size;
    if (i === this.caseOf.length) this.grow(i + 1);
    this.caseOf[i] = caseId;
    this.activityOf[i] = activity;
    this.timeOf[i] = timestamp;
    this.resourceOf[i] = resource;
    this.lifecycleOf[i] = lifecycle;
    this.size = i + 1;
    this.lastCase = caseId;
    this.lastCaseId = caseIdText;
  }

  private checkTimestamp(timestamp: number, caseId: string): never {
    throw new InvalidLogError(
      `EventLogBuilder.addEvent: timestamp is not a finite number, got ${quote(timestamp)} for case ${quote(caseId)}, expected epoch milliseconds`,
    );
  }

  private lifecycle(text: string): LifecycleCode {
    let code = this.lifecycleCache.get(text);
    if (code === undefined) {
      code = lifecycleCode(text);
      this.lifecycleCache.set(text, code);
    }
    return code;
  }

  /**
   * Adds a batch of events given as interned columns, in order, skipping event `i` where
   * `skip[i]` is 1: the same log as `addEvent` for each kept event, without a string lookup
   * per event (each batch string is interned once, when its first kept event comes). The
   * batch's case ids are kept as they are: they must not be slices of a larger text.
   */
  addColumns(batch: EventColumns, skip?: Uint8Array): void {
    const caseIds = new Int32Array(batch.cases.length).fill(-1);
    const activityIds = new Int32Array(batch.activities.length).fill(-1);
    const resourceIds = new Int32Array(batch.resources.length).fill(-2);
    const lifecycleCodes = new Int32Array(batch.lifecycles.length).fill(-1);
    const { caseOf, activityOf, resourceOf, lifecycleOf, time, caseHashes: hashes } = batch;
    if (this.size + batch.size > this.caseOf.length) this.grow(this.size + batch.size);
    // The columns in locals: the loop then keeps no field of `this` in step with each event.
    const outCase = this.caseOf;
    const outActivity = this.activityOf;
    const outTime = this.timeOf;
    const outResource = this.resourceOf;
    const outLifecycle = this.lifecycleOf;
    let i = this.size;
    let last = -1;
    for (let k = 0; k < batch.size; k++) {
      if (skip !== undefined && skip[k] === 1) continue;
      const timestamp = time[k]!;
      if (!Number.isFinite(timestamp)) {
        this.size = i;
        this.checkTimestamp(timestamp, batch.cases[caseOf[k]!]!);
      }
      const c = caseOf[k]!;
      let caseId = caseIds[c]!;
      if (caseId < 0) {
        caseId = hashes === undefined ? this.cases.internOwn(batch.cases[c]!) : this.cases.internHashed(batch.cases[c]!, hashes[c]!);
        caseIds[c] = caseId;
      }
      const a = activityOf[k]!;
      let activity = activityIds[a]!;
      if (activity < 0) activityIds[a] = activity = this.activities.intern(batch.activities[a]!);
      const r = resourceOf[k]!;
      let resource = -1;
      if (r >= 0) {
        resource = resourceIds[r]!;
        if (resource === -2) {
          const name = batch.resources[r]!;
          resourceIds[r] = resource = name === '' ? -1 : this.resources.intern(name);
        }
      }
      const l = lifecycleOf[k]!;
      let code = 0;
      if (l >= 0) {
        code = lifecycleCodes[l]!;
        if (code < 0) lifecycleCodes[l] = code = this.lifecycle(batch.lifecycles[l]!);
      }
      outCase[i] = caseId;
      outActivity[i] = activity;
      outTime[i] = timestamp;
      outResource[i] = resource;
      outLifecycle[i] = code;
      i++;
      last = c;
    }
    this.size = i;
    if (last >= 0) {
      this.lastCase = caseIds[last]!;
      this.lastCaseId = batch.cases[last];
    }
  }

  /** Sets a case attribute of the case of the last added event; the first non-empty value wins. */
  setCaseAttribute(name: string, value: string | null | undefined): void {
    if (value == null || value === '' || this.size === 0) return;
    const column = this.column(this.caseColumns, name, this.lastCase + 1);
    if (column.codes[this.lastCase] === -1) column.codes[this.lastCase] = column.interner.intern(value);
  }

  /**
   * `setCaseAttribute` for a value that is a string of its own (not sliced out of a larger text):
   * kept as it is. With a `hash` of the value (equal values, equal hashes, in every call for this
   * attribute), it is found without a map of strings while every value came with one (see `CaseInterner`).
   */
  setCaseAttributeOwn(name: string, value: string, hash?: number): void {
    if (value === '' || this.size === 0) return;
    const column = this.column(this.caseColumns, name, this.lastCase + 1) as { interner: CaseInterner; codes: Int32Array };
    if (column.codes[this.lastCase] !== -1) return;
    column.codes[this.lastCase] = hash === undefined ? column.interner.internOwn(value) : column.interner.internHashed(value, hash);
  }

  /** Sets an event attribute of the last added event. */
  setEventAttribute(name: string, value: string | null | undefined): void {
    if (value == null || this.size === 0) return;
    const column = this.column(this.eventColumns, name, this.size);
    column.codes[this.size - 1] = column.interner.intern(value);
  }

  /**
   * Builds the log. The builder stays usable; later events go into later builds only.
   *
   * `shared`: the log's number columns (events, case offsets, attribute codes) are held in
   * `SharedArrayBuffer`s, so a worker thread handed the log (`workerData`, `postMessage`) reads
   * the same memory instead of a copy: without it, a 1,000,000-event log costs the sending
   * thread about 0.1 s and both threads some 20 MB of fresh pages. Only where shared memory is
   * available (Node; a browser only when cross-origin isolated).
   */
  build(options: { shared?: boolean } = {}): EventLog {
    const shared = options.shared === true;
    const n = this.size;
    const caseCount = this.cases.values.length;
    const grouped = groupedCaseOffsets(this.caseOf, this.timeOf, n, caseCount);
    // Events already grouped by case and in time order (a common extract layout) are copied as they are.
    const { offsets, order } = grouped ? { offsets: grouped, order: null } : orderEventsByCase(this.caseOf, this.timeOf, n, caseCount);
    const activity = newColumn(Uint32Array, n, shared);
    const timestamp = newColumn(Float64Array, n, shared);
    const resource = newColumn(Int32Array, n, shared);
    const lifecycle = newColumn(Uint8Array, n, shared);
    if (order === null) {
      activity.set(this.activityOf.subarray(0, n));
      timestamp.set(this.timeOf.subarray(0, n));
      resource.set(this.resourceOf.subarray(0, n));
      lifecycle.set(this.lifecycleOf.subarray(0, n));
    } else {
      for (let k = 0; k < n; k++) {
        const i = order[k]!;
        activity[k] = this.activityOf[i]!;
        timestamp[k] = this.timeOf[i]!;
        resource[k] = this.resourceOf[i]!;
        lifecycle[k] = this.lifecycleOf[i]!;
      }
    }
    const eventAttributes = new Map<string, AttributeColumn>();
    for (const [name, column] of this.eventColumns) {
      const source = ensureCapacity(column.codes, n, Int32Array, -1);
      const codes = newColumn(Int32Array, n, shared);
      for (let k = 0; k < n; k++) codes[k] = source[order === null ? k : order[k]!]!;
      eventAttributes.set(name, { values: column.interner.values.slice(), codes });
    }
    const caseAttributes = new Map<string, AttributeColumn>();
    for (const [name, column] of this.caseColumns) {
      const codes = newColumn(Int32Array, caseCount, shared);
      codes.set(ensureCapacity(column.codes, caseCount, Int32Array, -1).subarray(0, caseCount));
      caseAttributes.set(name, { values: column.interner.values.slice(), codes });
    }
    return {
      activities: this.activities.values.slice(),
      resources: this.resources.values.slice(),
      caseIds: this.cases.values.slice(),
      caseOffsets: shared ? copyShared(offsets) : offsets,
      activity,
      timestamp,
      resource,
      lifecycle,
      caseAttributes,
      eventAttributes,
    };
  }

  private column(columns: Map<string, GrowingColumn>, name: string, min: number): GrowingColumn {
    let column = columns.get(name);
    if (!column) {
      column = { interner: columns === this.caseColumns ? new CaseInterner() : new Interner(), codes: new Int32Array(0) };
      columns.set(name, column);
    }
    if (column.codes.length < min) column.codes = ensureCapacity(column.codes, min, Int32Array, -1);
    return column;
  }

  private grow(min: number, exact = false): void {
    this.caseOf = ensureCapacity(this.caseOf, min, Uint32Array, 0, exact);
    this.activityOf = ensureCapacity(this.activityOf, min, Uint32Array, 0, exact);
    this.timeOf = ensureCapacity(this.timeOf, min, Float64Array, 0, exact);
    this.resourceOf = ensureCapacity(this.resourceOf, min, Int32Array, -1, exact);
    this.lifecycleOf = ensureCapacity(this.lifecycleOf, min, Uint8Array, 0, exact);
  }
}

/** A zeroed number column of `length` elements, on a `SharedArrayBuffer` when `shared`. */
function newColumn<T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(
  Kind: { new (buffer: ArrayBuffer | SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number },
  length: number,
  shared: boolean,
): T {
  const bytes = length * Kind.BYTES_PER_ELEMENT;
  return new Kind(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

/** `column`'s values in a new array on a `SharedArrayBuffer`. */
function copyShared(column: Uint32Array): Uint32Array {
  const out = newColumn(Uint32Array, column.length, true);
  out.set(column);
  return out;
}

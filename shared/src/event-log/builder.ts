import { InvalidLogError, quote } from '../errors';
import { ensureCapacity } from './growable';
import { Interner } from './interner';
import { lifecycleCode } from './lifecycle-code';
import type { AttributeColumn, EventLog, LifecycleCode, RawEvent } from './types';
import { orderEventsByCase } from './order-events';

interface GrowingColumn {
  interner: Interner;
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
  private readonly cases = new Interner();
  private readonly activities = new Interner();
  private readonly resources = new Interner();
  private readonly lifecycleCache = new Map<string, LifecycleCode>();
  private readonly caseColumns = new Map<string, GrowingColumn>();
  private readonly eventColumns = new Map<string, GrowingColumn>();
  private lastCaseId: string | undefined;
  private lastCase = 0;

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
    if (!Number.isFinite(timestamp)) {
      throw new InvalidLogError(
        `EventLogBuilder.addEvent: timestamp is not a finite number, got ${quote(timestamp)} for case ${quote(caseId)}, expected epoch milliseconds`,
      );
    }
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
    if (lifecycle != null) {
      let code = this.lifecycleCache.get(lifecycle);
      if (code === undefined) {
        code = lifecycleCode(lifecycle);
        this.lifecycleCache.set(lifecycle, code);
      }
      this.lifecycleOf[i] = code;
    }
    this.size = i + 1;
    return i;
  }

  /** Sets a case attribute of the case of the last added event; the first non-empty value wins. */
  setCaseAttribute(name: string, value: string | null | undefined): void {
    if (value == null || value === '' || this.size === 0) return;
    const column = this.column(this.caseColumns, name, this.lastCase + 1);
    if (column.codes[this.lastCase] === -1) column.codes[this.lastCase] = column.interner.intern(value);
  }

  /** Sets an event attribute of the last added event. */
  setEventAttribute(name: string, value: string | null | undefined): void {
    if (value == null || this.size === 0) return;
    const column = this.column(this.eventColumns, name, this.size);
    column.codes[this.size - 1] = column.interner.intern(value);
  }

  /** Builds the log. The builder stays usable; later events go into later builds only. */
  build(): EventLog {
    const n = this.size;
    const caseCount = this.cases.values.length;
    const { offsets, order } = orderEventsByCase(this.caseOf, this.timeOf, n, caseCount);
    const activity = new Uint32Array(n);
    const timestamp = new Float64Array(n);
    const resource = new Int32Array(n);
    const lifecycle = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      activity[k] = this.activityOf[i]!;
      timestamp[k] = this.timeOf[i]!;
      resource[k] = this.resourceOf[i]!;
      lifecycle[k] = this.lifecycleOf[i]!;
    }
    const eventAttributes = new Map<string, AttributeColumn>();
    for (const [name, column] of this.eventColumns) {
      const source = ensureCapacity(column.codes, n, Int32Array, -1);
      const codes = new Int32Array(n);
      for (let k = 0; k < n; k++) codes[k] = source[order[k]!]!;
      eventAttributes.set(name, { values: column.interner.values.slice(), codes });
    }
    const caseAttributes = new Map<string, AttributeColumn>();
    for (const [name, column] of this.caseColumns) {
      const codes = ensureCapacity(column.codes, caseCount, Int32Array, -1).slice(0, caseCount);
      caseAttributes.set(name, { values: column.interner.values.slice(), codes });
    }
    return {
      activities: this.activities.values.slice(),
      resources: this.resources.values.slice(),
      caseIds: this.cases.values.slice(),
      caseOffsets: offsets,
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
      column = { interner: new Interner(), codes: new Int32Array(0) };
      columns.set(name, column);
    }
    column.codes = ensureCapacity(column.codes, min, Int32Array, -1);
    return column;
  }

  private grow(min: number): void {
    this.caseOf = ensureCapacity(this.caseOf, min, Uint32Array);
    this.activityOf = ensureCapacity(this.activityOf, min, Uint32Array);
    this.timeOf = ensureCapacity(this.timeOf, min, Float64Array);
    this.resourceOf = ensureCapacity(this.resourceOf, min, Int32Array, -1);
    this.lifecycleOf = ensureCapacity(this.lifecycleOf, min, Uint8Array);
  }
}

import type { LoadOutput, QuarantineRow } from './load-sink';
import { BATCH_EVENTS, type EventBatch } from './load-read-protocol';

/** Values of one case-attribute key remembered for the whole load (the first ones; beyond, each batch codes them anew). */
const KEY_VALUES_KEPT = 8192;
/**
 * Values of a key looked up among its kept ones, once those are full, before judging whether they
 * come back: a key found for fewer than 1 in 8 (a CPR number: one a case) codes each value anew from
 * then on, without looking it up (the storing side reads the same text from either code).
 */
const KEY_LOOKUPS_JUDGED = 4096;

/**
 * The load's dictionary on the reader's side: each distinct value of the event columns gets a code
 * once per load; case ids and case-attribute values (there can be as many as cases, and holding
 * them all for the whole load cost the worker ~0.3 s of garbage collection at 1,000,000 events)
 * once per batch, unless their key keeps them (`KEY_VALUES_KEPT`).
 */
function createDictionary() {
  const plain = new Map<string, number>();
  let batchPlain = new Map<string, number>();
  let batchClear = new Map<string, number>();
  let next = 0;
  let names: string[] = [];
  let flags: number[] = [];
  const code = (map: Map<string, number>, value: string, isClear: number): number => {
    let c = map.get(value);
    if (c === undefined) {
      c = next++;
      map.set(value, c);
      names.push(value);
      flags.push(isClear);
    }
    return c;
  };
  return {
    /** The code of a value stored as it is, for the whole load. */
    plain: (value: string): number => code(plain, value, 0),
    /** The code of a value for this batch: a clear value (to pseudonymise where it is stored), or one stored as it is. */
    batch: (value: string, clear: boolean): number => (clear ? code(batchClear, value, 1) : code(batchPlain, value, 0)),
    /** A new code for a value (clear or stored as it is), even if it has one already. */
    fresh(value: string, clear: boolean): number {
      names.push(value);
      flags.push(clear ? 1 : 0);
      return next++;
    },
    /** The names coded since the last call, and their clear flags; batch values are coded anew from here on. */
    take(): { names: string[]; namesClear: Uint8Array } {
      const taken = { names, namesClear: Uint8Array.from(flags) };
      names = [];
      flags = [];
      batchPlain = new Map();
      batchClear = new Map();
      return taken;
    },
  };
}

/**
 * The code of each value of a case-attribute key, its last value first (values repeat from case to
 * case), then its kept values, unless they seldom come back (see `KEY_LOOKUPS_JUDGED`).
 */
function keyValueCoder(dictionary: ReturnType<typeof createDictionary>, key: string) {
  const kept = [new Map<string, number>(), new Map<string, number>()];
  let last: string | null = null;
  let lastClear = false;
  let lastCode = -1;
  let lookups = 0;
  let found = 0;
  let distinct = false;
  return {
    key: dictionary.plain(key),
    code(value: string, clear: boolean): number {
      if (value === last && clear === lastClear) return lastCode;
      let c: number | undefined;
      if (distinct) c = dictionary.fresh(value, clear);
      else {
        const known = kept[clear ? 1 : 0]!;
        c = known.get(value);
        const full = known.size >= KEY_VALUES_KEPT;
        if (c === undefined) {
          c = dictionary.batch(value, clear);
          if (!full) known.set(value, c);
        } else if (full) found++;
        if (full && ++lookups === KEY_LOOKUPS_JUDGED) {
          distinct = found * 8 < lookups;
          lookups = found = 0;
          if (distinct) for (const map of kept) map.clear();
        }
      }
      last = value;
      lastClear = clear;
      lastCode = c;
      return c;
    },
  };
}

/** `code`, first compared with the column's value in the row before (values repeat within a case). */
function lastValueCoder(code: (value: string) => number): { code(value: string | null): number; reset(): void } {
  let last: string | null = null;
  let lastCode = -1;
  return {
    code(value) {
      if (value === last) return lastCode;
      last = value;
      lastCode = value === null ? -1 : code(value);
      return lastCode;
    },
    reset() {
      last = null;
      lastCode = -1;
    },
  };
}

function newBatch(): EventBatch {
  return {
    size: 0,
    names: [],
    namesClear: new Uint8Array(0),
    strings: [],
    caseId: new Int32Array(BATCH_EVENTS),
    activity: new Int32Array(BATCH_EVENTS),
    resource: new Int32Array(BATCH_EVENTS),
    lifecycle: new Int32Array(BATCH_EVENTS),
    jobcenter: new Int32Array(BATCH_EVENTS),
    attributes: new Int32Array(BATCH_EVENTS),
    timestamp: new Float64Array(BATCH_EVENTS),
    endTimestamp: new Float64Array(BATCH_EVENTS),
    caseAttributes: new Int32Array(3 * 1024),
    caseAttributeCount: 0,
    quarantine: [],
  };
}

/** The buffers of a batch's columns, to transfer with its message. */
export function batchTransfer(batch: EventBatch): ArrayBuffer[] {
  const { caseId, activity, resource, lifecycle, jobcenter, attributes, timestamp, endTimestamp, caseAttributes, namesClear } = batch;
  return [caseId, activity, resource, lifecycle, jobcenter, attributes, timestamp, endTimestamp, caseAttributes, namesClear].map(
    (c) => c.buffer as ArrayBuffer,
  );
}

/**
 * Codes a transform's cleaned rows into `EventBatch`es (see `load-read-protocol.ts`) and hands
 * each full batch to `send`; `flush` sends what is buffered. Case ids and values flagged clear are
 * coded as clear names, for the storing side to pseudonymise (a case that runs on into the next
 * batch keeps its code). The first batch ends after `firstBatchEvents` events (default
 * `BATCH_EVENTS`), so the storing side can start before a whole batch is read.
 */
export function createEventBatchWriter(
  send: (batch: EventBatch) => void,
  firstBatchEvents = BATCH_EVENTS,
): { output: LoadOutput; flush(): void } {
  const dictionary = createDictionary();
  let batch = newBatch();
  let batchEvents = Math.min(firstBatchEvents, BATCH_EVENTS);
  /** The batch's own dictionary of the attributes' JSON. */
  let strings = new Map<string, number>();
  const string = (value: string): number => {
    let c = strings.get(value);
    if (c === undefined) {
      c = batch.strings.length;
      batch.strings.push(value);
      strings.set(value, c);
    }
    return c;
  };
  const caseCodes = lastValueCoder((caseId) => dictionary.batch(caseId, true));
  const resourceCodes = lastValueCoder(dictionary.plain);
  const lifecycleCodes = lastValueCoder(dictionary.plain);
  const jobcenterCodes = lastValueCoder(dictionary.plain);
  const attributeCodes = lastValueCoder(string);
  const keys = new Map<string, ReturnType<typeof keyValueCoder>>();

  const flush = (): void => {
    if (batch.size === 0 && batch.quarantine.length === 0 && batch.caseAttributeCount === 0) return;
    const full = batch;
    Object.assign(full, dictionary.take());
    batch = newBatch();
    strings = new Map();
    attributeCodes.reset();
    batchEvents = BATCH_EVENTS;
    send(full);
  };

  const output: LoadOutput = {
    event(caseId, activity, timestamp, endTimestamp, resource, lifecycle, jobcenter, attributes) {
      if (batch.size === batchEvents) flush();
      const i = batch.size++;
      batch.caseId[i] = caseCodes.code(caseId);
      batch.activity[i] = dictionary.plain(activity);
      batch.resource[i] = resourceCodes.code(resource);
      batch.lifecycle[i] = lifecycleCodes.code(lifecycle);
      batch.jobcenter[i] = jobcenterCodes.code(jobcenter);
      batch.attributes[i] = attributeCodes.code(attributes);
      batch.timestamp[i] = timestamp;
      batch.endTimestamp[i] = endTimestamp ?? NaN;
    },
    caseAttribute(key, value, clear) {
      let n = batch.caseAttributeCount;
      if (n + 3 > batch.caseAttributes.length) {
        const grown = new Int32Array(batch.caseAttributes.length * 2);
        grown.set(batch.caseAttributes);
        batch.caseAttributes = grown;
      }
      let k = keys.get(key);
      if (k === undefined) keys.set(key, (k = keyValueCoder(dictionary, key)));
      const triples = batch.caseAttributes;
      triples[n++] = batch.size - 1;
      triples[n++] = k.key;
      triples[n++] = k.code(value, clear);
      batch.caseAttributeCount = n;
    },
    quarantine(row: QuarantineRow) {
      batch.quarantine.push(row);
    },
  };
  return { output, flush };
}

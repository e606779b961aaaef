import type { LoadOutput, QuarantineRow } from './load-sink';
import { BATCH_EVENTS, type EventBatch } from './load-read-protocol';

/** The load's dictionary on the reader's side: each distinct value gets a code once per load. */
function createDictionary() {
  const plain = new Map<string, number>();
  const clear = new Map<string, number>();
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
    /** The code of a value stored as it is. */
    plain: (value: string): number => code(plain, value, 0),
    /** The code of a clear value, to pseudonymise where it is stored. */
    clear: (value: string): number => code(clear, value, 1),
    /** The names coded since the last call, and their clear flags. */
    take(): { names: string[]; namesClear: Uint8Array } {
      const taken = { names, namesClear: Uint8Array.from(flags) };
      names = [];
      flags = [];
      return taken;
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
 * coded as clear names, for the storing side to pseudonymise.
 */
export function createEventBatchWriter(send: (batch: EventBatch) => void): { output: LoadOutput; flush(): void } {
  const dictionary = createDictionary();
  let batch = newBatch();
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
  const caseCodes = lastValueCoder(dictionary.clear);
  const resourceCodes = lastValueCoder(dictionary.plain);
  const lifecycleCodes = lastValueCoder(dictionary.plain);
  const jobcenterCodes = lastValueCoder(dictionary.plain);
  const attributeCodes = lastValueCoder(string);
  /** Per case-attribute key: its code and the code of its last value (values repeat from case to case). */
  const keys = new Map<string, { code: number; value: string | null; clear: boolean; valueCode: number }>();

  const flush = (): void => {
    if (batch.size === 0 && batch.quarantine.length === 0 && batch.caseAttributeCount === 0) return;
    const full = batch;
    Object.assign(full, dictionary.take());
    batch = newBatch();
    strings = new Map();
    attributeCodes.reset();
    send(full);
  };

  const output: LoadOutput = {
    event(caseId, activity, timestamp, endTimestamp, resource, lifecycle, jobcenter, attributes) {
      if (batch.size === BATCH_EVENTS) flush();
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
      if (k === undefined) keys.set(key, (k = { code: dictionary.plain(key), value: null, clear: false, valueCode: -1 }));
      if (value !== k.value || clear !== k.clear) {
        k.value = value;
        k.clear = clear;
        k.valueCode = clear ? dictionary.clear(value) : dictionary.plain(value);
      }
      const triples = batch.caseAttributes;
      triples[n++] = batch.size - 1;
      triples[n++] = k.code;
      triples[n++] = k.valueCode;
      batch.caseAttributeCount = n;
    },
    quarantine(row: QuarantineRow) {
      batch.quarantine.push(row);
    },
  };
  return { output, flush };
}

/**
 * The reader worker of a load: reads the files and cleans their rows (`createLoadTransform`:
 * pseudonyms, masks, scrubbed quarantine) while the loading thread stores the rows of the
 * previous batch, so parsing and the SQLite writes overlap. Case ids and personal case
 * attributes go out in clear and flagged (`deferPseudonyms`): the loading thread, which has
 * time to spare, computes those HMACs before it stores anything. It posts batches of cleaned rows
 * in input order and waits while too many are unstored (a shared counter), so memory stays
 * bounded. See `readInWorker` for the other side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPseudonymizer } from '../privacy/index';
// Deep imports, not the readers' index: that pulls in the mapping's zod schema, ~40 ms more at the worker's start.
import { ReadError } from '../readers/errors';
import { readLog } from '../readers/read-log';
import type { LoadOutput, QuarantineRow } from './load-sink';
import { createLoadTransform } from './load-transform';
import { isPersonalKey } from './personal-keys';
import { createTextScrubber } from './text-scrubber';
import { BATCH_EVENTS, MAX_UNSTORED_BATCHES, type LoadReadRequest, type LoadReadMessage, type EventBatch } from './load-read-protocol';

const request = workerData as LoadReadRequest;
const unstored = new Int32Array(request.unstored);
const post = (message: LoadReadMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

function newBatch(): EventBatch {
  return {
    size: 0,
    strings: [],
    caseId: new Int32Array(BATCH_EVENTS),
    activity: new Int32Array(BATCH_EVENTS),
    resource: new Int32Array(BATCH_EVENTS),
    lifecycle: new Int32Array(BATCH_EVENTS),
    jobcenter: new Int32Array(BATCH_EVENTS),
    attributes: new Int32Array(BATCH_EVENTS),
    timestamp: new Float64Array(BATCH_EVENTS),
    endTimestamp: new Float64Array(BATCH_EVENTS),
    caseAttributes: [],
    quarantine: [],
  };
}

let batch = newBatch();
/** The batch's dictionary: each distinct string once per batch. */
let codes = new Map<string, number>();
const code = (value: string | null): number => {
  if (value === null) return -1;
  let c = codes.get(value);
  if (c === undefined) {
    c = batch.strings.length;
    batch.strings.push(value);
    codes.set(value, c);
  }
  return c;
};

/** `code`, first compared with the column's value in the row before (values repeat within a case). */
function lastValueCoder(): { code(value: string | null): number; reset(): void } {
  let last: string | null = null;
  let lastCode = -1;
  return {
    code(value) {
      if (value === last) return lastCode;
      last = value;
      lastCode = code(value);
      return lastCode;
    },
    reset() {
      last = null;
      lastCode = -1;
    },
  };
}
const caseCodes = lastValueCoder();
const resourceCodes = lastValueCoder();
const jobcenterCodes = lastValueCoder();
const attributeCodes = lastValueCoder();
const coders = [caseCodes, resourceCodes, jobcenterCodes, attributeCodes];

const flush = () => {
  if (batch.size === 0 && batch.quarantine.length === 0 && batch.caseAttributes.length === 0) return;
  while (Atomics.load(unstored, 0) >= MAX_UNSTORED_BATCHES) Atomics.wait(unstored, 0, Atomics.load(unstored, 0), 1000);
  Atomics.add(unstored, 0, 1);
  const full = batch;
  batch = newBatch();
  codes = new Map();
  for (const c of coders) c.reset();
  const columns = [
    full.caseId,
    full.activity,
    full.resource,
    full.lifecycle,
    full.jobcenter,
    full.attributes,
    full.timestamp,
    full.endTimestamp,
  ];
  post(
    { type: 'batch', batch: full },
    columns.map((c) => c.buffer as ArrayBuffer),
  );
};

const output: LoadOutput = {
  event(caseId, activity, timestamp, endTimestamp, resource, lifecycle, jobcenter, attributes) {
    if (batch.size === BATCH_EVENTS) flush();
    const i = batch.size++;
    batch.caseId[i] = caseCodes.code(caseId);
    batch.activity[i] = code(activity);
    batch.resource[i] = resourceCodes.code(resource);
    batch.lifecycle[i] = code(lifecycle);
    batch.jobcenter[i] = jobcenterCodes.code(jobcenter);
    batch.attributes[i] = attributeCodes.code(attributes);
    batch.timestamp[i] = timestamp;
    batch.endTimestamp[i] = endTimestamp ?? NaN;
  },
  caseAttribute(key, value, clear) {
    batch.caseAttributes.push(batch.size - 1, key, value, clear ? 1 : 0);
  },
  quarantine(row: QuarantineRow) {
    batch.quarantine.push(row);
  },
};

async function run(): Promise<void> {
  const pseudonymizer = createPseudonymizer(Buffer.from(request.secret));
  const personalColumns = new Set(request.personalColumns);
  const text = createTextScrubber(pseudonymizer);
  const freeText = new Set(request.freeText);
  const transform = createLoadTransform(
    { pseudonymizer, isPersonal: (key) => isPersonalKey(key, personalColumns), freeText, text, deferPseudonyms: true },
    output,
  );
  for (let i = 0; i < request.files.length; i++) {
    const sink = { ...transform.sink, onProgress: (bytes: number) => post({ type: 'progress', fileIndex: i, bytes }) };
    const result = await readLog(request.files[i]!, { mapping: request.mapping, sink, keepDuplicates: request.keepDuplicates });
    flush();
    const { rows, duplicatePolicy, identical, mapping, columns, mappingGuessed } = result;
    post({
      type: 'file',
      fileIndex: i,
      result: { rows, duplicatePolicy, identical, mapping, columns, mappingGuessed },
      counts: transform.counts(),
    });
  }
  transform.flushQuarantine();
  flush();
  post({ type: 'done', counts: transform.counts(), fileNames: request.fileNames.map((name) => text.scrub(name)) });
}

run().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  post({ type: 'failed', message: message.split('\n')[0] ?? 'read failed', readError: error instanceof ReadError });
});

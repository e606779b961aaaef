/**
 * Worker thread that reads a whole event log (`readLog`: XES, or compressed CSV, which cannot be
 * split) for `readEvents` and posts its events while it reads, so the main thread builds the
 * log from one batch while this thread decompresses and parses the next. Strings are interned
 * here; each batch carries the new dictionary entries and typed columns of codes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Interner } from '@sagsflow/shared/event-log/interner';
import { readLog } from './read-log';
import type { EventsBatch, EventsRequest, EventsMessage } from './events-protocol';
import type { Rejection } from './types';

const BATCH = 16_384;
const request = workerData as EventsRequest;
const dictionaries = { cases: new Interner(), activities: new Interner(), resources: new Interner(), lifecycles: new Interner() };
const sent = { cases: 0, activities: 0, resources: 0, lifecycles: 0 };
let size = 0;
let caseOf = new Uint32Array(BATCH);
let activityOf = new Uint32Array(BATCH);
let resourceOf = new Int32Array(BATCH);
let lifecycleOf = new Int32Array(BATCH);
let time = new Float64Array(BATCH);
let rejections: Rejection[] = [];
let lastCaseId: string | null = null;
let lastCase = 0;

const post = (message: EventsMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

function newEntries(name: keyof typeof dictionaries): string[] {
  const values = dictionaries[name].values;
  const fresh = values.slice(sent[name]);
  sent[name] = values.length;
  return fresh;
}

function flush(): void {
  if (size === 0 && rejections.length === 0) return;
  const batch: EventsBatch = {
    size,
    newCases: newEntries('cases'),
    newActivities: newEntries('activities'),
    newResources: newEntries('resources'),
    newLifecycles: newEntries('lifecycles'),
    caseOf,
    activityOf,
    resourceOf,
    lifecycleOf,
    time,
    rejections,
  };
  post({ type: 'batch', batch }, [caseOf.buffer, activityOf.buffer, resourceOf.buffer, lifecycleOf.buffer, time.buffer] as ArrayBuffer[]);
  size = 0;
  caseOf = new Uint32Array(BATCH);
  activityOf = new Uint32Array(BATCH);
  resourceOf = new Int32Array(BATCH);
  lifecycleOf = new Int32Array(BATCH);
  time = new Float64Array(BATCH);
  rejections = [];
}

readLog(request.file, {
  mapping: request.mapping,
  keepDuplicates: request.keepDuplicates,
  sink: {
    onEvent: ({ event }) => {
      if (event.caseId !== lastCaseId) {
        lastCaseId = event.caseId;
        lastCase = dictionaries.cases.intern(event.caseId);
      }
      caseOf[size] = lastCase;
      activityOf[size] = dictionaries.activities.intern(event.activity);
      resourceOf[size] = event.resource == null ? -1 : dictionaries.resources.intern(event.resource);
      lifecycleOf[size] = event.lifecycle == null ? -1 : dictionaries.lifecycles.intern(event.lifecycle);
      time[size] = event.timestamp;
      if (++size === BATCH) flush();
    },
    onReject: (rejection) => {
      rejections.push(rejection);
    },
    onProgress: (bytes, total) => post({ type: 'progress', bytes, total }),
  },
}).then(
  (report) => {
    flush();
    post({ type: 'done', report });
  },
  (error: unknown) => {
    flush();
    const e = error as Error & { file?: string; line?: number };
    post({ type: 'failed', message: e instanceof Error ? e.message : String(error), readError: e?.name === 'ReadError' });
  },
);

/**
 * Worker thread that reads the second part of a large uncompressed CSV file while the main
 * thread reads the first (see `readEvents`). It posts the part's events as typed columns with
 * their strings interned, its rejections, and the hash of every record that was the first of
 * its kind in the part, so the main thread can finish the duplicate check across both parts.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { Interner } from '@sagsflow/shared/event-log/interner';
import { readCsvPart } from './csv-reader';
import { RecordHashSet } from './record-hash-set';
import { ReadTally } from './tally';
import type { PartRequest, PartResult } from './csv-part';
import type { Rejection } from './types';

async function readPart(request: PartRequest): Promise<PartResult> {
  const cases = new Interner();
  const activities = new Interner();
  const resources = new Interner();
  const lifecycles = new Interner();
  let size = 0;
  let caseOf = new Uint32Array(1 << 16);
  let activityOf = new Uint32Array(1 << 16);
  let resourceOf = new Int32Array(1 << 16);
  let lifecycleOf = new Int32Array(1 << 16);
  let time = new Float64Array(1 << 16);
  const rejections: Rejection[] = [];
  let firstHashes = new Uint32Array(1 << 17);
  let firstOutcomes = new Int32Array(1 << 16);
  let firsts = 0;
  const seen = new RecordHashSet();
  let seenBefore = 0;
  let lastCaseId: string | null = null;
  let lastCase = 0;
  /** Notes the record just handled when it was the first of its kind (its hash went into `seen`). */
  const noteFirst = (outcome: number) => {
    if (seen.size === seenBefore) return;
    seenBefore = seen.size;
    if (firsts === firstOutcomes.length) {
      firstOutcomes = grow(firstOutcomes, Int32Array);
      firstHashes = grow(firstHashes, Uint32Array);
    }
    firstHashes[2 * firsts] = seen.lastHigh;
    firstHashes[2 * firsts + 1] = seen.lastLow;
    firstOutcomes[firsts++] = outcome;
  };
  const tally = new ReadTally(
    request.file,
    {
      onEvent: ({ event }) => {
        if (size === time.length) {
          caseOf = grow(caseOf, Uint32Array);
          activityOf = grow(activityOf, Uint32Array);
          resourceOf = grow(resourceOf, Int32Array);
          lifecycleOf = grow(lifecycleOf, Int32Array);
          time = grow(time, Float64Array);
        }
        if (event.caseId !== lastCaseId) {
          lastCaseId = event.caseId;
          lastCase = cases.intern(event.caseId);
        }
        caseOf[size] = lastCase;
        activityOf[size] = activities.intern(event.activity);
        resourceOf[size] = event.resource == null ? -1 : resources.intern(event.resource);
        lifecycleOf[size] = event.lifecycle == null ? -1 : lifecycles.intern(event.lifecycle);
        time[size] = event.timestamp;
        noteFirst(size++);
      },
      onReject: (rejection) => {
        rejections.push(rejection);
        noteFirst(-rejections.length);
      },
    },
    request.keepDuplicates,
  );
  const stream = createReadStream(request.file, { start: request.start, highWaterMark: 1 << 20 });
  try {
    const facts = await readCsvPart(
      request.file,
      stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>,
      request.head,
      request.mapping,
      tally,
      seen,
    );
    return {
      ok: true,
      encoding: facts.encoding,
      sawInvalidBytes: facts.sawInvalidBytes,
      rows: tally.counts,
      identical: tally.identical,
      byReason: tally.byReason,
      cases: cases.values,
      activities: activities.values,
      resources: resources.values,
      lifecycles: lifecycles.values,
      caseOf: caseOf.slice(0, size),
      activityOf: activityOf.slice(0, size),
      resourceOf: resourceOf.slice(0, size),
      lifecycleOf: lifecycleOf.slice(0, size),
      time: time.slice(0, size),
      rejections,
      firstHashes: firstHashes.slice(0, 2 * firsts),
      firstOutcomes: firstOutcomes.slice(0, firsts),
    };
  } finally {
    stream.destroy();
  }
}

function grow<T extends Uint32Array | Int32Array | Float64Array>(a: T, Type: { new (n: number): T }): T {
  const bigger = new Type(a.length * 2);
  bigger.set(a);
  return bigger;
}

const request = workerData as PartRequest;
readPart(request).then(
  (result) => {
    if (!result.ok) return parentPort?.postMessage(result);
    const transfer = [
      result.caseOf,
      result.activityOf,
      result.resourceOf,
      result.lifecycleOf,
      result.time,
      result.firstHashes,
      result.firstOutcomes,
    ].map((a) => a.buffer);
    parentPort?.postMessage(result, transfer as ArrayBuffer[]);
  },
  (error: unknown) =>
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies PartResult),
);

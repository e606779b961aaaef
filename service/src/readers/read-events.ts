import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { EventColumns } from '@sagsflow/shared/event-log/builder';
import { workerEntry } from '../runtime/build-info';
import { blockCuts, CsvBlocks } from './csv-blocks';
import type { BlockEvents } from './csv-part';
import type { CsvBoundary, CsvHandOver } from './csv-reader';
import type { EventsMessage, EventsRequest } from './events-protocol';
import type { ColumnMapping } from './mapping';
import { formatFromName, readLog } from './read-log';
import type { ReadReport, ReadSink, Rejection } from './types';

/** Receives the events of a read with the five fields mining uses (no attributes). */
export interface EventSink {
  /** `jobcenter` is the event's jobcenter when the read carries it (`ReadEventsOptions.jobcenter`), else null. */
  event(
    caseId: string,
    activity: string,
    timestamp: number,
    resource: string | null,
    lifecycle: string | null,
    jobcenter: string | null,
  ): void;
  /**
   * Takes events as interned columns in input order, event `i` left out where `skip[i]` is 1
   * (e.g. `EventLogBuilder.addColumns`); without it, such events go to `event` one by one.
   */
  events?(batch: EventColumns, skip: Uint8Array | undefined): void;
  reject(rejection: Rejection): void;
  progress?(bytesRead: number, bytesTotal: number): void;
  /** Told about how many more events may come (an estimate, to make room for them). */
  expect?(events: number): void;
}

/** Options of `readEvents`. */
export interface ReadEventsOptions {
  mapping?: ColumnMapping | undefined;
  keepDuplicates?: boolean | undefined;
  sink: EventSink;
  /** Read a large uncompressed CSV file in blocks on two threads (or parse an XES or compressed file in a worker). Default true. */
  parallel?: boolean | undefined;
  /** Files from this size on are read on two threads. Default 8 MB (tests use less). */
  parallelMinBytes?: number | undefined;
  /** Hand each event's jobcenter to `sink.event` (which then takes every event: `sink.events` is not used). Default false. */
  jobcenter?: boolean | undefined;
  /** Told how the part read on two threads (the CSV blocks after the first MB, or a whole XES or compressed file) was read: as planned, or partly again on this thread (and why). */
  onSecondPart?: ((how: 'worker' | 'reread', why?: string) => void) | undefined;
}

/** Files smaller than this are read on one thread (a worker costs about 50 ms to start). */
const PARALLEL_MIN_BYTES = 8 << 20;
/** When the header line is not plain, the blocks start at the first line start after the reader's first chunk (1 MB). */
const HAND_OVER_AT = 1 << 20;
/** XES and compressed files from this size on are parsed in a worker while this thread builds. */
const PIPELINE_MIN_BYTES = 1 << 20;

/**
 * Reads an event log for mining in memory (`sagsflow summary`): like `readLog`, with the same
 * report and the same events in the same order, but a large uncompressed CSV file is read, after
 * its first MB, in blocks on this thread and a worker thread at once, from the bytes (see
 * `readCsvBlock` and `CsvBlocks`: the duplicate check spans the blocks, and a block that a
 * sequential read would have read differently is read again on this thread, so the outcome is
 * always that of a sequential read). An XES or compressed file (which cannot be split) is
 * parsed in a worker thread while this thread builds from the batches it posts.
 *
 * @example
 * const report = await readEvents('extract.csv', {
 *   sink: { event: (c, a, t, r, l) => builder.addEvent(c, a, t, r, l), reject: () => {} },
 * });
 */
export async function readEvents(file: string, options: ReadEventsOptions): Promise<ReadReport> {
  const { sink } = options;
  // CSV drops exact duplicates unless told to keep them (the part worker reads CSV only).
  const keepDuplicates = options.keepDuplicates ?? false;
  const withJobcenter = options.jobcenter === true;
  let boundary: CsvBoundary | null = null;
  const readSink: ReadSink = {
    onEvent: ({ event: e, jobcenter }) =>
      sink.event(e.caseId, e.activity, e.timestamp, e.resource ?? null, e.lifecycle ?? null, withJobcenter ? jobcenter : null),
    onReject: (r) => sink.reject(r),
    // After a hand-over to the blocks, the blocks tell the progress (the first part's "all read" is not).
    ...(sink.progress ? { onProgress: (done: number, total: number) => boundary === null && sink.progress!(done, total) } : {}),
  };
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // readLog reports the missing file
  }
  const wholeFile = formatFromName(file) === 'xes' || isGzip(file);
  if (wholeFile && !withJobcenter && options.parallel !== false && size >= (options.parallelMinBytes ?? PIPELINE_MIN_BYTES)) {
    return readWholeInWorker(file, options, readSink);
  }
  let blocks: CsvBlocks | null = null;
  const split: CsvHandOver = {
    plan: (h) => {
      if (options.parallel === false || size < (options.parallelMinBytes ?? PARALLEL_MIN_BYTES)) return null;
      // Right after a plain header line; else after the first chunk (1 MB) the reader has read by the time it sees the header.
      const start = h.bodyStart ?? lineStartAfter(file, HAND_OVER_AT);
      if (start < 0) return null;
      blocks = new CsvBlocks({
        file,
        head: { delimiter: h.delimiter, header: h.header },
        mapping: options.mapping,
        keepDuplicates,
        cuts: blockCuts(start, size),
        jobcenter: withJobcenter,
        // Decided by the first chunk, the encoding holds for the whole file: the blocks need not decide it again.
        encoding: h.encoding,
      });
      blocks.start();
      return start;
    },
    handOver: (state) => {
      if (!state.atRecordStart) return false;
      boundary = state;
      return true;
    },
  };
  try {
    const report = await readLog(file, { mapping: options.mapping, keepDuplicates: options.keepDuplicates, sink: readSink, split });
    if (boundary === null || blocks === null) return report;
    const blockSink = {
      events:
        sink.events && !withJobcenter
          ? (batch: BlockEvents, skip: Uint8Array | undefined) => sink.events!(batch, skip)
          : (batch: BlockEvents, skip: Uint8Array | undefined) => replay(batch, skip, sink),
      reject: (r: Rejection) => sink.reject(r),
      ...(sink.progress ? { progress: (done: number, total: number) => sink.progress!(done, total) } : {}),
      ...(sink.expect ? { expect: (records: number) => sink.expect!(records) } : {}),
    };
    const why = await (blocks as CsvBlocks).read(boundary, blockSink, report, size);
    if (why === null) options.onSecondPart?.('worker');
    else options.onSecondPart?.('reread', why);
    return report;
  } finally {
    (blocks as CsvBlocks | null)?.stop();
  }
}

/** Hands a batch's events (with their jobcenter, when the batch carries it) to `sink.event` one by one. */
function replay(batch: BlockEvents, skip: Uint8Array | undefined, sink: EventSink): void {
  const { cases, activities, resources, lifecycles, caseOf, activityOf, resourceOf, lifecycleOf, time, jobcenters, jobcenterOf } = batch;
  for (let i = 0; i < batch.size; i++) {
    if (skip !== undefined && skip[i] === 1) continue;
    const r = resourceOf[i]!;
    const l = lifecycleOf[i]!;
    const j = jobcenterOf === undefined ? -1 : jobcenterOf[i]!;
    sink.event(
      cases[caseOf[i]!]!,
      activities[activityOf[i]!]!,
      time[i]!,
      r < 0 ? null : resources[r]!,
      l < 0 ? null : lifecycles[l]!,
      j < 0 ? null : jobcenters![j]!,
    );
  }
}

/** The offset just after the first line feed at or after `from`, or -1 when there is none in the next MB. */
function lineStartAfter(file: string, from: number): number {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    const n = readSync(fd, buffer, 0, buffer.length, from);
    const at = buffer.subarray(0, n).indexOf(10);
    return at < 0 || from + at + 1 >= from + n ? -1 : from + at + 1;
  } finally {
    closeSync(fd);
  }
}

function isGzip(file: string): boolean {
  try {
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(2);
      readSync(fd, head, 0, 2, 0);
      return head[0] === 0x1f && head[1] === 0x8b;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * Reads a whole file in the events worker and replays its batches into `sink` as they arrive.
 * When the worker fails, the file is read again on this thread and the events and rejections
 * already replayed are skipped, so the sink sees each exactly once, and a bad file throws the
 * reader's own error.
 */
async function readWholeInWorker(file: string, options: ReadEventsOptions, sink: ReadSink): Promise<ReadReport> {
  const request: EventsRequest = { file, mapping: options.mapping, keepDuplicates: options.keepDuplicates };
  const entry = workerEntry('events-worker', new URL('./events-worker-entry.mjs', import.meta.url));
  const worker = new Worker(entry, { workerData: request, execArgv: process.execArgv.filter((a) => a.startsWith('--cpu-prof')) });
  const cases: string[] = [];
  const activities: string[] = [];
  const resources: string[] = [];
  const lifecycles: string[] = [];
  let events = 0;
  let rejections = 0;
  const { sink: out } = options;
  const outcome = await new Promise<{ report: ReadReport } | { failed: string }>((done) => {
    worker.on('message', (m: EventsMessage) => {
      if (m.type === 'batch') {
        const b = m.batch;
        cases.push(...b.newCases);
        activities.push(...b.newActivities);
        resources.push(...b.newResources);
        lifecycles.push(...b.newLifecycles);
        for (let i = 0; i < b.size; i++) {
          const r = b.resourceOf[i]!;
          const l = b.lifecycleOf[i]!;
          out.event(
            cases[b.caseOf[i]!]!,
            activities[b.activityOf[i]!]!,
            b.time[i]!,
            r < 0 ? null : resources[r]!,
            l < 0 ? null : lifecycles[l]!,
            null,
          );
        }
        events += b.size;
        for (const rejection of b.rejections) out.reject(rejection);
        rejections += b.rejections.length;
      } else if (m.type === 'progress') out.progress?.(m.bytes, m.total);
      else if (m.type === 'done') done({ report: m.report });
      else done({ failed: m.message });
    });
    worker.once('error', (error) => done({ failed: error.message }));
    worker.once('exit', () => done({ failed: 'the worker stopped' }));
  });
  void worker.terminate();
  if ('report' in outcome) {
    options.onSecondPart?.('worker');
    return outcome.report;
  }
  options.onSecondPart?.('reread', outcome.failed);
  let skipEvents = events;
  let skipRejections = rejections;
  return readLog(file, {
    mapping: options.mapping,
    keepDuplicates: options.keepDuplicates,
    sink: {
      onEvent: (accepted) => {
        if (skipEvents > 0) skipEvents--;
        else sink.onEvent(accepted);
      },
      onReject: (rejection) => {
        if (skipRejections > 0) skipRejections--;
        else sink.onReject(rejection);
      },
      ...(sink.onProgress ? { onProgress: sink.onProgress } : {}),
    },
  });
}

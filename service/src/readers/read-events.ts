import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../runtime/build-info';
import type { CsvBoundary, CsvHandOver, CsvHead } from './csv-reader';
import { readCsvPart } from './csv-reader';
import type { PartRequest, PartResult } from './csv-part';
import type { EventsMessage, EventsRequest } from './events-protocol';
import type { ColumnMapping } from './mapping';
import { formatFromName, readLog } from './read-log';
import { ReadTally } from './tally';
import type { ReadReport, ReadSink, Rejection, RejectionReason } from './types';

/** Receives the events of a read with the five fields mining uses (no attributes). */
export interface EventSink {
  event(caseId: string, activity: string, timestamp: number, resource: string | null, lifecycle: string | null): void;
  reject(rejection: Rejection): void;
  progress?(bytesRead: number, bytesTotal: number): void;
}

/** Options of `readEvents`. */
export interface ReadEventsOptions {
  mapping?: ColumnMapping | undefined;
  keepDuplicates?: boolean | undefined;
  sink: EventSink;
  /** Read the second half of a large uncompressed CSV file in a worker thread. Default true. */
  parallel?: boolean | undefined;
  /** Files from this size on are read in two parts at once. Default 8 MB (tests use less). */
  parallelMinBytes?: number | undefined;
  /** Told how the worker's part (the second half of a CSV, or a whole XES or compressed file) was read: by the worker, or again on this thread (and why). */
  onSecondPart?: ((how: 'worker' | 'reread', why?: string) => void) | undefined;
}

/** Files smaller than this are read on one thread (a worker costs about 50 ms to start). */
const PARALLEL_MIN_BYTES = 8 << 20;
/** XES and compressed files from this size on are parsed in a worker while this thread builds. */
const PIPELINE_MIN_BYTES = 1 << 20;

/**
 * Reads an event log for mining in memory (`sagsflow summary`): like `readLog`, with the same
 * report and the same events in the same order, but a large uncompressed CSV file is read in
 * two parts at once, the second half in a worker thread. The duplicate check spans both
 * parts (the worker reports the hash of every record new to its part; the main thread checks
 * them against the first part). When the first part ends inside a quoted field, decided
 * another encoding, or the worker fails, the second part is read again on the main thread,
 * so the outcome is always that of a sequential read. An XES or compressed file (which cannot
 * be split) is parsed in a worker thread while this thread builds from the batches it posts.
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
  const readSink: ReadSink = {
    onEvent: ({ event: e }) => sink.event(e.caseId, e.activity, e.timestamp, e.resource ?? null, e.lifecycle ?? null),
    onReject: (r) => sink.reject(r),
    ...(sink.progress ? { onProgress: (done: number, total: number) => sink.progress!(done, total) } : {}),
  };
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // readLog reports the missing file
  }
  const wholeFile = formatFromName(file) === 'xes' || isGzip(file);
  if (wholeFile && options.parallel !== false && size >= (options.parallelMinBytes ?? PIPELINE_MIN_BYTES)) {
    return readWholeInWorker(file, options, readSink);
  }
  let head: CsvHead | null = null;
  let start = -1;
  let boundary: CsvBoundary | null = null;
  let worker: Worker | null = null;
  let part: Promise<PartResult> | null = null;
  const split: CsvHandOver = {
    plan: (h) => {
      if (options.parallel === false || size < (options.parallelMinBytes ?? PARALLEL_MIN_BYTES)) return null;
      start = lineStartAfter(file, Math.floor(size / 2));
      if (start < 0) return null;
      head = h;
      const request: PartRequest = {
        file,
        start,
        head: { delimiter: h.delimiter, header: h.header },
        mapping: options.mapping,
        keepDuplicates,
      };
      const entry = workerEntry('csv-part-worker', new URL('./csv-part-worker-entry.mjs', import.meta.url));
      const w = new Worker(entry, { workerData: request, execArgv: process.execArgv.filter((a) => a.startsWith('--cpu-prof')) });
      worker = w;
      part = new Promise<PartResult>((done) => {
        w.once('message', (m: PartResult) => done(m));
        w.once('error', (error) => done({ ok: false, message: error.message }));
        w.once('exit', () => done({ ok: false, message: 'the worker stopped' }));
      });
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
    if (boundary === null || part === null || head === null) return report;
    const at: CsvBoundary = boundary;
    const result = await (part as Promise<PartResult>);
    const sameStart =
      result.ok &&
      (at.encoding === null || result.encoding === null || result.encoding === at.encoding) &&
      (!at.sawInvalidBytes || result.sawInvalidBytes);
    if (!result.ok || !sameStart) {
      options.onSecondPart?.('reread', result.ok ? 'the parts decided differently on the encoding' : result.message);
      await rereadPart(file, start, head, options.mapping, readSink, keepDuplicates, at, report);
      return report;
    }
    options.onSecondPart?.('worker');
    mergePart(result, at, sink, report);
    if (report.encoding === 'utf-8' && at.encoding === null && result.encoding !== null) report.encoding = result.encoding;
    return report;
  } finally {
    void (worker as Worker | null)?.terminate();
  }
}

/** Adds the worker's part to the report and replays its events and rejections into `sink`. */
function mergePart(result: Extract<PartResult, { ok: true }>, at: CsvBoundary, sink: EventSink, report: ReadReport): void {
  const removedEvent = new Uint8Array(result.time.length);
  const removedRejection = new Uint8Array(result.rejections.length);
  const { firstHashes, firstOutcomes } = result;
  let removed = 0;
  let keptIdentical = 0;
  const keep = report.duplicatePolicy === 'keep';
  const byReason = { ...result.byReason };
  for (let k = 0; k < firstOutcomes.length; k++) {
    if (at.seen.addHash(firstHashes[2 * k]!, firstHashes[2 * k + 1]!)) continue;
    if (keep) {
      // A kept duplicate stays where it went (accepted or quarantined); it is only counted.
      keptIdentical++;
      continue;
    }
    removed++;
    const outcome = firstOutcomes[k]!;
    if (outcome >= 0) removedEvent[outcome] = 1;
    else {
      const j = -outcome - 1;
      removedRejection[j] = 1;
      const reason = result.rejections[j]!.reason;
      byReason[reason] = (byReason[reason] ?? 0) - 1;
    }
  }
  const { cases, activities, resources, lifecycles, caseOf, activityOf, resourceOf, lifecycleOf, time } = result;
  let accepted = 0;
  for (let i = 0; i < time.length; i++) {
    if (removedEvent[i]) continue;
    const r = resourceOf[i]!;
    const l = lifecycleOf[i]!;
    sink.event(cases[caseOf[i]!]!, activities[activityOf[i]!]!, time[i]!, r < 0 ? null : resources[r]!, l < 0 ? null : lifecycles[l]!);
    accepted++;
  }
  const offset = at.nextLine - 1;
  let quarantined = 0;
  result.rejections.forEach((r, j) => {
    if (removedRejection[j]) return;
    sink.reject({ ...r, line: r.line + offset });
    quarantined++;
  });
  const rows = report.rows;
  rows.read += result.rows.read;
  rows.accepted += accepted;
  rows.quarantined += quarantined;
  rows.duplicates += result.rows.duplicates + removed;
  report.identical += result.identical + removed + keptIdentical;
  for (const [reason, n] of Object.entries(byReason) as [RejectionReason, number][]) {
    if (n > 0) report.quarantinedByReason[reason] = (report.quarantinedByReason[reason] ?? 0) + n;
  }
}

/** Reads the second part on this thread, carrying on from the first part's state. */
async function rereadPart(
  file: string,
  start: number,
  head: CsvHead,
  mapping: ColumnMapping | undefined,
  sink: ReadSink,
  keepDuplicates: boolean,
  at: CsvBoundary,
  report: ReadReport,
): Promise<void> {
  const tally = new ReadTally(file, sink, keepDuplicates);
  const stream = createReadStream(file, { start, highWaterMark: 1 << 20 });
  try {
    const facts = await readCsvPart(file, stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>, head, mapping, tally, at.seen, {
      encoding: at.encoding,
      sawInvalidBytes: at.sawInvalidBytes,
      line: at.nextLine,
    });
    if (at.encoding === null && facts.encoding !== null) report.encoding = facts.encoding;
  } finally {
    stream.destroy();
  }
  const rows = report.rows;
  rows.read += tally.counts.read;
  rows.accepted += tally.counts.accepted;
  rows.duplicates += tally.counts.duplicates;
  rows.quarantined += tally.counts.quarantined;
  report.identical += tally.identical;
  for (const [reason, n] of Object.entries(tally.byReason) as [RejectionReason, number][]) {
    report.quarantinedByReason[reason] = (report.quarantinedByReason[reason] ?? 0) + n;
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

import { Worker } from 'node:worker_threads';
import type { ColumnMapping } from '../readers/index';
import { workerEntry } from '../runtime/build-info';
import { createPseudonymizer, type Pseudonymizer } from '../privacy/index';
import type { LoadCounts, LoadOutput } from './load-sink';
import type { EventBatch, FileResult, LoadReadMessage, LoadReadRequest } from './load-read-protocol';

/** Loads from this size on are read in a worker; a worker costs about 50 ms to start. */
export const READ_WORKER_MIN_BYTES = 4 << 20;

/** What `readInWorker` needs: the files, the cleaning options, and where cleaned rows go. */
export interface ReadInWorkerOptions {
  files: readonly string[];
  mapping: ColumnMapping | undefined;
  keepDuplicates: boolean | undefined;
  /** The pseudonymisation key: of the worker, and of the values it hands on in clear for this thread. */
  secret: Buffer;
  personalColumns: string[];
  /** The mapping's `freeText` columns (with and without `case:`). */
  freeText: string[];
  /** The files' names (CPR masked), to scrub in the worker with the values it pseudonymised. */
  fileNames: string[];
  /** Gets the scrubbed file names once the worker has read everything. */
  onFileNames: (names: string[]) => void;
  /** Receives the cleaned rows in input order, on this thread. */
  output: LoadOutput;
  onProgress: (fileIndex: number, bytes: number) => void;
  /** After each file: what its read did and the transform's counts so far. */
  onFile: (result: FileResult, counts: LoadCounts) => void;
  /** Turns the worker's failure into the error to throw. */
  readFailed: (message: string, readError: boolean, cause: unknown) => Error;
}

/**
 * Reads and cleans a load's files in a worker thread (see load-read-worker.ts) and hands the
 * cleaned rows to `output` on this thread (after pseudonymising the values the worker left in
 * clear for this thread), batch by batch, so the SQLite writes of one batch
 * overlap the parsing of the next. Resolves with the final counts; rejects with `readFailed`'s
 * error when a file cannot be read (the caller rolls the load back).
 */
export function readInWorker(options: ReadInWorkerOptions): Promise<LoadCounts> {
  // Its own cache of pseudonyms, dropped with the read (not kept through precompute).
  const pseudonymizer = createPseudonymizer(options.secret);
  const unstored = new SharedArrayBuffer(4);
  const counter = new Int32Array(unstored);
  const request: LoadReadRequest = {
    files: [...options.files],
    mapping: options.mapping,
    keepDuplicates: options.keepDuplicates,
    secret: new Uint8Array(options.secret),
    personalColumns: options.personalColumns,
    freeText: options.freeText,
    fileNames: options.fileNames,
    unstored,
  };
  const entry = workerEntry('load-read-worker', new URL('./load-read-worker-entry.mjs', import.meta.url));
  const worker = new Worker(entry, { workerData: request, execArgv: process.execArgv.filter((a) => a.startsWith('--cpu-prof')) });
  return new Promise<LoadCounts>((resolve, reject) => {
    let settled = false;
    const end = (error: Error | null, counts?: LoadCounts) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve(counts!);
    };
    worker.on('message', (m: LoadReadMessage) => {
      if (settled) return;
      try {
        if (m.type === 'batch') {
          storeBatch(m.batch, options.output, pseudonymizer);
          Atomics.sub(counter, 0, 1);
          Atomics.notify(counter, 0);
        } else if (m.type === 'progress') options.onProgress(m.fileIndex, m.bytes);
        else if (m.type === 'file') options.onFile(m.result, m.counts);
        else if (m.type === 'done') {
          options.onFileNames(m.fileNames);
          end(null, m.counts);
        } else end(options.readFailed(m.message, m.readError, null));
      } catch (error) {
        end(error as Error);
      }
    });
    worker.once('error', (error) => end(options.readFailed(error.message, false, error)));
    worker.once('exit', (code) => end(options.readFailed(`the reader worker stopped (exit code ${code})`, false, null)));
  });
}

/** Hands a batch's rows to `out`, pseudonymising its clear case ids and case attributes first. */
function storeBatch(b: EventBatch, out: LoadOutput, p: Pseudonymizer): void {
  const attrs = b.caseAttributes;
  const strings = b.strings;
  const text = (c: number): string | null => (c < 0 ? null : strings[c]!);
  let a = 0;
  let rawCase = -1;
  let caseId = '';
  for (let i = 0; i < b.size; i++) {
    const end = b.endTimestamp[i]!;
    if (b.caseId[i] !== rawCase) {
      rawCase = b.caseId[i]!;
      caseId = p.pseudonym(strings[rawCase]!);
    }
    out.event(
      caseId,
      strings[b.activity[i]!]!,
      b.timestamp[i]!,
      Number.isNaN(end) ? null : end,
      text(b.resource[i]!),
      text(b.lifecycle[i]!),
      text(b.jobcenter[i]!),
      text(b.attributes[i]!),
    );
    while (a < attrs.length && attrs[a] === i) {
      const value = attrs[a + 2] as string;
      out.caseAttribute(attrs[a + 1] as string, attrs[a + 3] === 1 ? p.pseudonym(value) : value, false);
      a += 4;
    }
  }
  for (const q of b.quarantine) out.quarantine(q);
}

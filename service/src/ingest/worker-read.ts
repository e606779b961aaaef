import { Worker } from 'node:worker_threads';
import type { ColumnMapping } from '../readers/index';
import { workerEntry } from '../runtime/build-info';
import type { LoadCounts } from './load-sink';
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
  /** Stores the cleaned rows, batch by batch in input order, on this thread (see `createBatchStore`). */
  storeBatch: (batch: EventBatch) => void;
  onProgress: (fileIndex: number, bytes: number) => void;
  /** After each file: what its read did and the transform's counts so far. */
  onFile: (result: FileResult, counts: LoadCounts) => void;
  /** Turns the worker's failure into the error to throw. */
  readFailed: (message: string, readError: boolean, cause: unknown) => Error;
}

/**
 * Reads and cleans a load's files in a worker thread (see load-read-worker.ts) and hands the
 * cleaned rows to `storeBatch` on this thread (which pseudonymises the values the worker left in
 * clear for this thread), batch by batch, so the SQLite writes of one batch
 * overlap the parsing of the next. Resolves with the final counts; rejects with `readFailed`'s
 * error when a file cannot be read (the caller rolls the load back).
 */
export function readInWorker(options: ReadInWorkerOptions): Promise<LoadCounts> {
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
          options.storeBatch(m.batch);
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

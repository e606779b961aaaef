import { statSync } from 'node:fs';
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
  /** A worker started ahead for this read (`startReadWorker`); by default one is started here. */
  worker?: ReadWorker | undefined;
}

/**
 * A reader worker started before its load is ready to read: its thread boots and loads its
 * modules while the loading thread opens the database, then it waits for the load's request
 * (`readInWorker` sends it). It does not keep the process alive until a read takes it.
 */
export interface ReadWorker {
  /** Ends the worker unless a read has taken it (that read ends it); safe to call more than once. */
  end(): void;
}

interface StartedWorker extends ReadWorker {
  worker: Worker;
  /** Hands the worker to a read: its failure so far (null: none), and from now on the read's to end. */
  take(): { failure: Error | null };
}

/**
 * Starts a reader worker ahead of its load (see `ReadWorker`), so that its start-up overlaps the
 * loading thread's; give it to `readInWorker` as `worker`, and `end()` it when the load ends.
 *
 * @example
 * const worker = startReadWorker();
 * try { await ingestFiles(store, { files, log, readWorker: worker }); } finally { worker.end(); }
 */
export function startReadWorker(): ReadWorker {
  const entry = workerEntry('load-read-worker', new URL('./load-read-worker-entry.mjs', import.meta.url));
  const worker = new Worker(entry, { execArgv: process.execArgv.filter((a) => a.startsWith('--cpu-prof')) });
  worker.unref();
  let failure: Error | null = null;
  let taken = false;
  const early = (error: Error) => {
    failure ??= error;
  };
  const exited = (code: number) => early(new Error(`the reader worker stopped (exit code ${code})`));
  worker.on('error', early);
  worker.on('exit', exited);
  const started: StartedWorker = {
    worker,
    end() {
      if (!taken) void worker.terminate();
    },
    take() {
      if (taken) throw new Error('readInWorker: this reader worker was given to a read already');
      taken = true;
      worker.off('error', early);
      worker.off('exit', exited);
      worker.ref();
      return { failure };
    },
  };
  return started;
}

/**
 * A reader worker started ahead (`startReadWorker`) for a load of `files`, when they are all
 * readable and large enough to be read in one (`READ_WORKER_MIN_BYTES`, as `readLoadFiles`
 * decides), else undefined: the load then reports a missing file as always.
 */
export function startReadWorkerFor(files: readonly string[]): ReadWorker | undefined {
  let bytes = 0;
  for (const file of files) {
    const size = statSync(file, { throwIfNoEntry: false })?.size;
    if (size === undefined) return undefined;
    bytes += size;
  }
  return bytes >= READ_WORKER_MIN_BYTES ? startReadWorker() : undefined;
}

/**
 * Reads and cleans a load's files in a worker thread (see load-read-worker.ts) and hands the
 * cleaned rows to `storeBatch` on this thread (which pseudonymises the values the worker left in
 * clear for this thread), batch by batch, so the SQLite writes of one batch
 * overlap the parsing of the next. Resolves with the final counts; rejects with `readFailed`'s
 * error when a file cannot be read (the caller rolls the load back). Uses `worker` when given
 * (started by `startReadWorker`), else starts one.
 */
export function readInWorker(options: ReadInWorkerOptions): Promise<LoadCounts> {
  const readWorker = (options.worker ?? startReadWorker()) as StartedWorker;
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
  const { worker } = readWorker;
  const { failure } = readWorker.take();
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
    if (failure) end(options.readFailed(failure.message, false, failure));
    else worker.postMessage(request);
  });
}

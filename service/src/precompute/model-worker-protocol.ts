import type { MessagePort } from 'node:worker_threads';
import type { EventLog } from '@sagsflow/shared';
import type { FindingsSpec, ScopeFindings } from '../findings/compute-findings';
import type { ComputedModel, ModelSpec } from './compute-model';
import type { RowBatch } from './row-batch';

/** What the model worker is asked to compute (`computeModelRows` of these). */
export interface ModelWorkerRequest {
  log: EventLog;
  spec: ModelSpec;
  /**
   * When given, the worker also computes `computeFindings(log, findings, no sources)` once its
   * rows are posted (the log then holds the event attribute the findings' outcome names, if any).
   */
  findings?: FindingsSpec | undefined;
  /** Where the worker posts its row batches and the rows' answer (and takes buffers back). */
  port: MessagePort;
  /** Where the worker posts the findings' answer (apart from the rows, so it can be taken while rows are queued). */
  findingsPort: MessagePort;
  /**
   * Five Int32s: [0] counts the messages posted on either port (notified at each), [1] is set to
   * 1 when the worker thread ends, answered or not (so a waiting thread never waits for a dead
   * worker), [2] counts the row batches the loading thread has written (notified at each), [3] is
   * set to 1 once the worker has encoded its last row (it takes no more buffers back then), [4]
   * to 1 once the findings' answer is posted.
   */
  signal: SharedArrayBuffer;
}

/**
 * The worker's messages on `port`: row batches as they are computed, then one answer (`done` or
 * `failed`). `not-started` means the worker could not load its code (the loading thread computes
 * the rows and the findings itself then).
 */
export type ModelWorkerMessage =
  | { kind: 'rows'; batch: RowBatch }
  | { kind: 'done'; computed: ComputedModel }
  | { kind: 'failed'; message: string }
  | { kind: 'not-started'; message: string };

/** The worker's one message on `findingsPort`, after its rows' answer (for a request with `findings`). */
export type FindingsAnswer = { kind: 'findings'; scopes: ScopeFindings[] } | { kind: 'failed'; message: string };

/** The buffers of a replayed row batch, posted back to the worker to hold a later batch. */
export type RecycledBuffers = Pick<RowBatch, 'codes' | 'nums'>;

/**
 * Row batches the worker may post ahead of the loading thread's writes: bounds the memory they
 * hold (a batch is two buffers of 16K codes and numbers, 192 KB: at most 96 MB). A 1M-event load
 * posts ~440, and the worker computes them in half the time the loading thread writes them: so it
 * runs ahead and ends its rows early, and computes the findings while the rows are written.
 */
export const MAX_BATCHES_AHEAD = 512;

/** The shared signal of a new request (see `ModelWorkerRequest.signal`). */
export function newSignal(): SharedArrayBuffer {
  return new SharedArrayBuffer(5 * Int32Array.BYTES_PER_ELEMENT);
}

/** Marks, in the worker, that every row is encoded: the loading thread stops handing buffers back. */
export function signalRowsEncoded(request: Pick<ModelWorkerRequest, 'signal'>): void {
  Atomics.store(new Int32Array(request.signal), 3, 1);
}

/** Whether the worker still takes buffers back (it has rows left to encode). */
export function takesBuffersBack(signal: Int32Array): boolean {
  return Atomics.load(signal, 3) === 0;
}

/** Waits, in the worker, until the loading thread has written all but `MAX_BATCHES_AHEAD - 1` of `posted` row batches. */
export function waitForLoader(request: Pick<ModelWorkerRequest, 'signal'>, posted: number): void {
  const signal = new Int32Array(request.signal);
  for (;;) {
    const written = Atomics.load(signal, 2);
    if (posted - written < MAX_BATCHES_AHEAD) return;
    Atomics.wait(signal, 2, written, 1000);
  }
}

/** Tells the worker that the loading thread has written one more row batch. */
export function batchWritten(signal: Int32Array): void {
  Atomics.add(signal, 2, 1);
  Atomics.notify(signal, 2);
}

/** Posts a message of the worker and wakes the thread waiting for it. */
export function postToLoader(request: Pick<ModelWorkerRequest, 'port' | 'signal'>, message: ModelWorkerMessage): void {
  const transfer = message.kind === 'rows' ? [message.batch.codes.buffer, message.batch.nums.buffer] : [];
  try {
    request.port.postMessage(message, transfer);
  } finally {
    const signal = new Int32Array(request.signal);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  }
}

/** Posts the findings' answer of the worker and wakes the thread waiting for it. */
export function postFindings(request: Pick<ModelWorkerRequest, 'findingsPort' | 'signal'>, message: FindingsAnswer): void {
  try {
    request.findingsPort.postMessage(message);
  } finally {
    const signal = new Int32Array(request.signal);
    Atomics.store(signal, 4, 1);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  }
}

/** Whether the worker has posted its findings' answer (a cheap check before taking it from the port). */
export function findingsPosted(signal: Int32Array): boolean {
  return Atomics.load(signal, 4) === 1;
}

/** Marks the worker thread as ended and wakes the waiting thread (from the worker's `exit` event). */
export function signalEnded(request: Pick<ModelWorkerRequest, 'signal'>): void {
  const signal = new Int32Array(request.signal);
  Atomics.store(signal, 1, 1);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

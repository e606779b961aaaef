import type { MessagePort } from 'node:worker_threads';
import type { EventLog } from '@sagsflow/shared';
import type { ComputedModel, ModelSpec } from './compute-model';
import type { RowBatch } from './row-batch';

/** What the model worker is asked to compute (`computeModelRows` of these). */
export interface ModelWorkerRequest {
  log: EventLog;
  spec: ModelSpec;
  /** Where the worker posts its messages. */
  port: MessagePort;
  /**
   * Three Int32s: [0] counts the messages posted (notified at each), [1] is set to 1 when the
   * worker thread ends, answered or not (so a waiting thread never waits for a dead worker),
   * [2] counts the row batches the loading thread has written (notified at each).
   */
  signal: SharedArrayBuffer;
}

/**
 * The worker's messages: row batches as they are computed, then one answer. `not-started` means
 * the worker could not load its code (the loading thread computes the rows itself then).
 */
export type ModelWorkerMessage =
  | { kind: 'rows'; batch: RowBatch }
  | { kind: 'done'; computed: ComputedModel }
  | { kind: 'failed'; message: string }
  | { kind: 'not-started'; message: string };

/** The buffers of a replayed row batch, posted back to the worker to hold a later batch. */
export type RecycledBuffers = Pick<RowBatch, 'codes' | 'nums'>;

/** Row batches the worker may post ahead of the loading thread's writes (bounds the memory they hold). */
export const MAX_BATCHES_AHEAD = 64;

/** The shared signal of a new request (see `ModelWorkerRequest.signal`). */
export function newSignal(): SharedArrayBuffer {
  return new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
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

/** Marks the worker thread as ended and wakes the waiting thread (from the worker's `exit` event). */
export function signalEnded(request: Pick<ModelWorkerRequest, 'signal'>): void {
  const signal = new Int32Array(request.signal);
  Atomics.store(signal, 1, 1);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { EventLog } from '@sagsflow/shared';
import { workerEntry } from '../runtime/build-info';
import type { ComputedModel, ModelSpec } from './compute-model';
import type { SplitRowWriter } from './model-writer';
import { batchWritten, newSignal, type ModelWorkerMessage, type ModelWorkerRequest, type RecycledBuffers } from './model-worker-protocol';
import { createRowReplay } from './row-replay';

/** The longest the loading thread waits for the next message of the model worker (a stuck worker). */
const MAX_WAIT_MS = 30 * 60_000;

/** A running model computation: `receive` writes its rows as they come (synchronously), `stop` abandons it. */
export interface ModelJob {
  /**
   * Blocks until the worker has posted every row, replaying each batch into the writers as it
   * comes; returns what the worker computed besides the rows, or null when the worker could not
   * load its code and posted no row (compute the rows in this thread then). Throws the worker's
   * error, or when it ended without an answer. Call once.
   */
  receive(exact: SplitRowWriter, viewer: SplitRowWriter, onFirstRows?: () => void): ComputedModel | null;
  /** Ends the worker without waiting for it. */
  stop(): void;
}

/** The log as the model reads it: every column but the event attributes (which no model table reads). */
function modelLog(log: EventLog): EventLog {
  return log.eventAttributes.size === 0 ? log : { ...log, eventAttributes: new Map() };
}

/**
 * Starts `computeModelRows(log, spec, …)` in a worker thread, so the second core computes the
 * model while this thread writes it. The log is copied to the worker (structured clone of its
 * typed arrays and strings) when this is called. The rows come back in batches (`RowBatch`);
 * `receive` blocks this thread (the load's transaction is synchronous) between them.
 * Returns null when no worker thread can be started.
 */
export function startModelWorker(log: EventLog, spec: ModelSpec): ModelJob | null {
  const { port1, port2 } = new MessageChannel();
  const signal = newSignal();
  const request: ModelWorkerRequest = { log: modelLog(log), spec, port: port2, signal };
  const entry = workerEntry('model-worker', new URL('./model-worker-entry.mjs', import.meta.url));
  // A missing entry would fail in the worker before it could answer: compute in this thread instead.
  if (!existsSync(entry)) {
    port1.close();
    return null;
  }
  let worker: Worker;
  try {
    worker = new Worker(entry, {
      workerData: request,
      transferList: [port2],
      execArgv: process.execArgv.filter((a) => a.startsWith('--cpu-prof')),
    });
  } catch {
    port1.close();
    return null;
  }
  worker.unref();
  // The waiting thread learns of a failure from the worker's messages and `signal`.
  worker.on('error', () => {});
  const stop = () => {
    port1.close();
    void worker.terminate();
  };
  return {
    receive(exact, viewer, onFirstRows) {
      const replay = createRowReplay(exact, viewer);
      const flags = new Int32Array(signal);
      let batches = 0;
      try {
        for (;;) {
          const seen = Atomics.load(flags, 0);
          const received = receiveMessageOnPort(port1)?.message as ModelWorkerMessage | undefined;
          if (received?.kind === 'rows') {
            if (batches++ === 0) onFirstRows?.();
            replay(received.batch);
            batchWritten(flags);
            const { codes, nums } = received.batch;
            port1.postMessage({ codes, nums } satisfies RecycledBuffers, [codes.buffer, nums.buffer]);
          } else if (received?.kind === 'done') return received.computed;
          else if (received?.kind === 'failed') throw new Error(received.message);
          else if (received?.kind === 'not-started') {
            if (batches > 0) throw new Error(received.message);
            return null;
          } else if (Atomics.load(flags, 1) === 1) {
            if (seen === Atomics.load(flags, 0)) throw new Error('the model worker stopped without an answer');
          } else if (Atomics.wait(flags, 0, seen, MAX_WAIT_MS) === 'timed-out') {
            throw new Error(`the model worker posted nothing in ${MAX_WAIT_MS / 60_000} minutes`);
          }
        }
      } finally {
        stop();
      }
    },
    stop,
  };
}

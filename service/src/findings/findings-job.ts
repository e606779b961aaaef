import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { EventLog } from '@sagsflow/shared';
import { workerEntry } from '../runtime/build-info';
import type { FindingsSpec, ScopeFindings } from './compute-findings';
import type { FindingSources } from './finding-sources';
import { findingsLog } from './findings-log';
import type { FindingsWorkerAnswer, FindingsWorkerRequest } from './findings-worker-protocol';

/** The longest the loading thread waits for the findings worker before it gives up (a stuck worker). */
const MAX_WAIT_MS = 30 * 60_000;

/** A running findings computation: `join` waits for it (synchronously), `stop` abandons it. */
export interface FindingsJob {
  /** Blocks until the worker answers; throws its error. Call once. */
  join(): ScopeFindings[];
  /** Ends the worker without waiting for its answer (the load failed before it was needed). */
  stop(): void;
  /** Lets a worker started `paused` compute (once; nothing for one that was not paused). */
  start(): void;
  /** True once the worker has answered: `join` then returns at once. */
  ready(): boolean;
}

/**
 * Starts `computeFindings(log, spec, sources)` in a worker thread, so the second core computes
 * the findings while this thread writes the model. The log is copied to the worker (structured
 * clone of its typed arrays and strings) when this is called. `join` blocks this thread (the
 * load's transaction is synchronous) until the answer is posted. A `paused` worker starts, takes
 * its copy of the log and waits until `start()` before it computes: so the copy can be made while
 * this thread has nothing else to do, and the computing start when a core is free for it.
 */
export function startFindingsWorker(log: EventLog, spec: FindingsSpec, sources: FindingSources, paused = false): FindingsJob {
  const { port1, port2 } = new MessageChannel();
  const done = new SharedArrayBuffer(4);
  const go = paused ? new SharedArrayBuffer(4) : undefined;
  // Only the columns the findings read are copied to the worker.
  const request: FindingsWorkerRequest = { log: findingsLog(log, spec), spec, sources, port: port2, done, ...(go ? { go } : {}) };
  const entry = workerEntry('findings-worker', new URL('./findings-worker-entry.mjs', import.meta.url));
  const worker = new Worker(entry, {
    workerData: request,
    transferList: [port2],
    execArgv: process.execArgv.filter((a) => a.startsWith('--cpu-prof')),
  });
  worker.unref();
  const answered = new Int32Array(done);
  const stop = () => {
    port1.close();
    void worker.terminate();
  };
  return {
    join() {
      const flag = new Int32Array(done);
      const started = Date.now();
      while (Atomics.wait(flag, 0, 0, 1000) === 'timed-out') {
        if (Date.now() - started > MAX_WAIT_MS) {
          stop();
          throw new Error(`the findings worker gave no answer in ${MAX_WAIT_MS / 60_000} minutes`);
        }
      }
      const received = receiveMessageOnPort(port1)?.message as FindingsWorkerAnswer | undefined;
      stop();
      if (!received) throw new Error('the findings worker stopped without an answer');
      if (!received.ok) throw new Error(received.message);
      return received.scopes;
    },
    stop,
    ready: () => Atomics.load(answered, 0) !== 0,
    start() {
      if (!go) return;
      const flag = new Int32Array(go);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    },
  };
}

import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { EventLog } from '@sagsflow/shared';
import type { FindingsSpec, ScopeFindings } from '../findings/compute-findings';
import { workerEntry } from '../runtime/build-info';
import { computeModelRows, writeCaseRows, type ComputedModel, type ModelSpec } from './compute-model';
import type { ModelRows, SplitRowWriter } from './model-writer';
import {
  batchWritten,
  findingsPosted,
  newSignal,
  takesBuffersBack,
  type FindingsAnswer,
  type ModelWorkerMessage,
  type ModelWorkerRequest,
  type RecycledBuffers,
} from './model-worker-protocol';
import { createRowReplay } from './row-replay';

/** The longest the loading thread waits for the next message of the model worker (a stuck worker). */
const MAX_WAIT_MS = 30 * 60_000;

/** A running model computation: `receive` writes its rows as they come (synchronously), `stop` abandons it. */
export interface ModelJob {
  /**
   * Writes the case rows (computed in this thread while the worker starts), then blocks until the
   * worker has posted every other row, replaying each batch into the writers as it comes; returns
   * what the worker computed besides the rows. When the worker could not load its code, the rows
   * are computed in this thread. Throws the worker's error, or when it ended without an answer. Call once.
   */
  receive(exact: SplitRowWriter & ModelRows, viewer: SplitRowWriter & ModelRows, onFirstRows?: () => void): ComputedModel;
  /**
   * Without waiting: the findings the worker was asked for, once it has computed them (the same
   * array `findings` then returns); undefined before, when it was asked for none, or when they failed.
   */
  pollFindings(): ScopeFindings[] | undefined;
  /**
   * After `receive`: blocks until the worker has computed the findings it was asked for and
   * returns them; null when it was asked for none or could not start (compute them in this thread
   * then). Throws the worker's error. Ends the worker.
   */
  findings(): ScopeFindings[] | null;
  /** Ends the worker without waiting for it. */
  stop(): void;
}

/**
 * The log as the worker reads it: every column but the event attributes (which no model table
 * reads), except the one the findings' outcome names.
 */
function workerLog(log: EventLog, findings: FindingsSpec | undefined): EventLog {
  if (log.eventAttributes.size === 0) return log;
  const outcome = findings?.outcome?.attribute;
  return { ...log, eventAttributes: new Map([...log.eventAttributes].filter(([name]) => name === outcome)) };
}

/**
 * Starts `computeModelRows(log, spec, …)` in a worker thread, so the second core computes the
 * model while this thread writes it (this thread writes the case rows itself while the worker
 * starts); with `findings`, the worker then computes `computeFindings(log, findings, no sources)`
 * while this thread writes the last rows (so no second worker is needed for them). The log is copied to the worker (structured clone of its
 * typed arrays and strings) when this is called. The rows come back in batches (`RowBatch`);
 * `receive` blocks this thread (the load's transaction is synchronous) between them.
 * Returns null when no worker thread can be started.
 */
export function startModelWorker(log: EventLog, spec: ModelSpec, findings?: FindingsSpec): ModelJob | null {
  const { port1, port2 } = new MessageChannel();
  const answers = new MessageChannel();
  const signal = newSignal();
  const request: ModelWorkerRequest = {
    log: workerLog(log, findings),
    spec,
    findings,
    port: port2,
    findingsPort: answers.port2,
    signal,
  };
  const entry = workerEntry('model-worker', new URL('./model-worker-entry.mjs', import.meta.url));
  // A missing entry would fail in the worker before it could answer: compute in this thread instead.
  if (!existsSync(entry)) {
    port1.close();
    answers.port1.close();
    return null;
  }
  let worker: Worker;
  try {
    worker = new Worker(entry, {
      workerData: request,
      transferList: [port2, answers.port2],
      execArgv: process.execArgv.filter((a) => a.startsWith('--cpu-prof')),
    });
  } catch {
    port1.close();
    answers.port1.close();
    return null;
  }
  worker.unref();
  // The waiting thread learns of a failure from the worker's messages and `signal`.
  worker.on('error', () => {});
  const stop = () => {
    port1.close();
    answers.port1.close();
    void worker.terminate();
  };
  const flags = new Int32Array(signal);
  let started = true;
  let answer: FindingsAnswer | undefined;
  const takeAnswer = () => (answer ??= receiveMessageOnPort(answers.port1)?.message as FindingsAnswer | undefined);
  return {
    receive(exact, viewer, onFirstRows) {
      const replay = createRowReplay(exact, viewer);
      let batches = 0;
      try {
        const cases = writeCaseRows(log, spec, exact);
        for (;;) {
          const received = nextMessage<ModelWorkerMessage>(port1, flags);
          if (received.kind === 'rows') {
            if (batches++ === 0) onFirstRows?.();
            replay(received.batch);
            batchWritten(flags);
            const { codes, nums } = received.batch;
            if (takesBuffersBack(flags)) port1.postMessage({ codes, nums } satisfies RecycledBuffers, [codes.buffer, nums.buffer]);
          } else if (received.kind === 'done') {
            if (!findings) stop();
            return received.computed;
          } else if (received.kind === 'not-started') {
            if (batches > 0) throw new Error(received.message);
            started = false;
            stop();
            onFirstRows?.();
            return computeModelRows(log, spec, exact, viewer, cases);
          } else throw new Error(received.kind === 'failed' ? received.message : 'the model worker answered out of order');
        }
      } catch (error) {
        stop();
        throw error;
      }
    },
    pollFindings() {
      if (!findings || !findingsPosted(flags)) return undefined;
      const received = takeAnswer();
      return received?.kind === 'findings' ? received.scopes : undefined;
    },
    findings() {
      if (!findings || !started) return null;
      try {
        const received: FindingsAnswer = takeAnswer() ?? nextMessage<FindingsAnswer>(answers.port1, flags);
        if (received.kind === 'findings') return received.scopes;
        throw new Error(received.message);
      } finally {
        stop();
      }
    },
    stop,
  };
}

/** Blocks until the worker's next message on `port`; throws when the worker ended without one, or posted nothing in `MAX_WAIT_MS`. */
function nextMessage<M>(port: MessagePort, flags: Int32Array): M {
  for (;;) {
    const seen = Atomics.load(flags, 0);
    const received = receiveMessageOnPort(port)?.message as M | undefined;
    if (received) return received;
    if (Atomics.load(flags, 1) === 1) {
      if (seen === Atomics.load(flags, 0)) throw new Error('the model worker stopped without an answer');
    } else if (Atomics.wait(flags, 0, seen, MAX_WAIT_MS) === 'timed-out') {
      throw new Error(`the model worker posted nothing in ${MAX_WAIT_MS / 60_000} minutes`);
    }
  }
}

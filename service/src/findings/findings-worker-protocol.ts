import type { MessagePort } from 'node:worker_threads';
import type { EventLog } from '@sagsflow/shared';
import type { FindingsSpec, ScopeFindings } from './compute-findings';
import type { FindingSources } from './finding-sources';

/** What the findings worker is asked to compute (`computeFindings` of these). */
export interface FindingsWorkerRequest {
  log: EventLog;
  spec: FindingsSpec;
  sources: FindingSources;
  /** Where the worker posts its one answer. */
  port: MessagePort;
  /** One Int32, set to 1 (and notified) once the answer is posted. */
  done: SharedArrayBuffer;
}

/** The worker's one answer. */
export type FindingsWorkerAnswer = { ok: true; scopes: ScopeFindings[] } | { ok: false; message: string };

/** Posts the worker's answer and wakes the thread waiting for it. */
export function answer(request: Pick<FindingsWorkerRequest, 'port' | 'done'>, message: FindingsWorkerAnswer): void {
  try {
    request.port.postMessage(message);
  } finally {
    const done = new Int32Array(request.done);
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
  }
}

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
  /** When given, one Int32: the worker starts computing once it is 1 (`FindingsJob.start`). */
  go?: SharedArrayBuffer;
}

/** Waits, in the worker, until the request's `go` flag (if any) is set. */
export function waitForGo(request: Pick<FindingsWorkerRequest, 'go'>): void {
  if (!request.go) return;
  const go = new Int32Array(request.go);
  while (Atomics.load(go, 0) === 0) Atomics.wait(go, 0, 0, 1000);
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

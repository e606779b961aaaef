/**
 * The findings worker of a load: computes the findings (`computeFindings`, pure computation on
 * the event log) while the loading thread writes the model tables, and posts them once. See
 * `startFindingsWorker` for the other side.
 */
import { workerData } from 'node:worker_threads';
import { computeFindings } from './compute-findings';
import { answer, waitForGo, type FindingsWorkerRequest } from './findings-worker-protocol';

const request = workerData as FindingsWorkerRequest;
try {
  waitForGo(request);
  answer(request, { ok: true, scopes: computeFindings(request.log, request.spec, request.sources) });
} catch (error) {
  answer(request, { ok: false, message: (error as Error).message });
}

/**
 * The model worker of a load: computes the model rows but the case rows (`computeModelRows`, pure
 * computation on the event log) and posts them in batches while the loading thread writes the batches before;
 * then, when asked, the findings (`computeFindings`), while the loading thread writes the last
 * rows. See `startModelWorker` for the other side.
 */
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { EventLog } from '@sagsflow/shared';
import { caseInputs, computeModelRows } from './compute-model';
import {
  postFindings,
  postToLoader,
  signalEnded,
  signalRowsEncoded,
  waitForLoader,
  type ModelWorkerRequest,
  type RecycledBuffers,
} from './model-worker-protocol';
import { createRowEncoder } from './row-encoder';

const request = workerData as ModelWorkerRequest;
process.on('exit', () => signalEnded(request));
try {
  let posted = 0;
  const encoder = createRowEncoder(
    (batch) => {
      waitForLoader(request, posted);
      postToLoader(request, { kind: 'rows', batch });
      posted++;
    },
    () => receiveMessageOnPort(request.port)?.message as RecycledBuffers | undefined,
  );
  // The loading thread writes the case rows itself (`ModelJob.receive`) while this thread starts.
  const log = withoutEventAttributes(request.log);
  const computed = computeModelRows(log, request.spec, encoder.exact, encoder.viewer, caseInputs(log, request.spec));
  encoder.flush();
  signalRowsEncoded(request);
  postToLoader(request, { kind: 'done', computed });
} catch (error) {
  postToLoader(request, { kind: 'failed', message: (error as Error).message });
  request.findings = undefined;
}
if (request.findings) {
  try {
    // Loaded only now, so that the worker's start (and its first rows) parse no findings code.
    const { computeFindings } = await import('../findings/compute-findings');
    postFindings(request, { kind: 'findings', scopes: computeFindings(request.log, request.findings, new Map()) });
  } catch (error) {
    postFindings(request, { kind: 'failed', message: (error as Error).message });
  }
}

/** The log as the model reads it (the event attribute kept for the findings is read by no model table). */
function withoutEventAttributes(log: EventLog): EventLog {
  return log.eventAttributes.size === 0 ? log : { ...log, eventAttributes: new Map() };
}

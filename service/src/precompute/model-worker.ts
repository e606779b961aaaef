/**
 * The model worker of a load: computes the model rows (`computeModelRows`, pure computation on
 * the event log) and posts them in batches while the loading thread writes the batches before.
 * See `startModelWorker` for the other side.
 */
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { computeModelRows } from './compute-model';
import { postToLoader, signalEnded, waitForLoader, type ModelWorkerRequest, type RecycledBuffers } from './model-worker-protocol';
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
  const computed = computeModelRows(request.log, request.spec, encoder.exact, encoder.viewer);
  encoder.flush();
  postToLoader(request, { kind: 'done', computed });
} catch (error) {
  postToLoader(request, { kind: 'failed', message: (error as Error).message });
}

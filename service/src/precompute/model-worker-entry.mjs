// Entry of the model worker when running from the TypeScript sources (the build runs the
// compiled model-worker.mjs instead): registers tsx in the worker, then loads it. A failure to
// load is answered as `not-started`, so the loading thread computes the rows itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

try {
  register();
  await import('./model-worker.ts');
} catch (error) {
  try {
    workerData.port.postMessage({ kind: 'not-started', message: `the model worker did not start: ${error?.message ?? error}` });
  } finally {
    const signal = new Int32Array(workerData.signal);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  }
}

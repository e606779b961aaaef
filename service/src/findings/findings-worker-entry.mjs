// Entry of the findings worker when running from the TypeScript sources (the build runs the
// compiled findings-worker.mjs instead): registers tsx in the worker, then loads it. A failure
// to load is answered like a failure to compute, so the waiting thread never waits in vain.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

try {
  register();
  await import('./findings-worker.ts');
} catch (error) {
  try {
    workerData.port.postMessage({ ok: false, message: `the findings worker did not start: ${error?.message ?? error}` });
  } finally {
    const done = new Int32Array(workerData.done);
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
  }
}

// A model worker that cannot load its code: it answers `not-started`, as model-worker-entry.mjs
// does when its import fails (precompute/model-job-fallback.test.ts).
import { workerData } from 'node:worker_threads';

workerData.port.postMessage({ kind: 'not-started', message: 'the model worker did not start: a test' });
const signal = new Int32Array(workerData.signal);
Atomics.add(signal, 0, 1);
Atomics.notify(signal, 0);

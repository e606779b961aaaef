/**
 * A CSV part worker that fails on purpose (for `csv-blocks-fallback.test.ts`): it takes block
 * numbers from the shared counter like `csv-part-worker.ts` and posts `deliver` blocks' results,
 * then takes one more block and fails with it undelivered, as `mode` says: it throws or it exits;
 * or it posts a failed result for every block left (taking them all). Before failing (after
 * posting) it sets `reached` to 1, so the test can hold the main thread until then.
 */
import { getEnvironmentData, parentPort, workerData } from 'node:worker_threads';
import { readCsvBlock } from '../readers/csv-block';
import type { BlockMessage, BlockWorkerData } from '../readers/csv-part';

/** How the worker fails (`setEnvironmentData(FAILING_BLOCK_WORKER, …)` before the read). */
export interface FailingBlockWorkerSetup {
  mode: 'throw' | 'exit' | 'failed-block';
  deliver: number;
  /** Int32Array over a SharedArrayBuffer: [1 once the worker has taken the block it fails with]. */
  reached: SharedArrayBuffer;
}

export const FAILING_BLOCK_WORKER = 'sagsflow-failing-block-worker';

// Only in a worker (the test imports this module for the key and the type).
const setup = parentPort ? (getEnvironmentData(FAILING_BLOCK_WORKER) as FailingBlockWorkerSetup | undefined) : undefined;
if (setup !== undefined) run(setup);

function run({ mode, deliver, reached }: FailingBlockWorkerSetup): void {
  const { plan, next } = workerData as BlockWorkerData;
  const counter = new Int32Array(next);
  const blocks = plan.cuts.length - 1;
  const post = (m: BlockMessage) => parentPort?.postMessage(m);
  let k = Atomics.add(counter, 0, 1);
  for (let n = 0; n < deliver && k < blocks; n++, k = Atomics.add(counter, 0, 1)) {
    post({
      type: 'block',
      result: readCsvBlock(plan, { index: k, from: plan.cuts[k]!, to: plan.cuts[k + 1]!, exact: k === 0, encoding: null }),
    });
  }
  if (mode === 'failed-block') {
    for (; k < blocks; k = Atomics.add(counter, 0, 1))
      post({ type: 'block', result: { ok: false, index: k, message: `injected failed block ${k}` } });
    post({ type: 'done' });
  }
  const flag = new Int32Array(reached);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  if (k >= blocks) return;
  if (mode === 'throw') throw new Error(`injected failure at block ${k}`);
  if (mode === 'exit') process.exit(3);
}

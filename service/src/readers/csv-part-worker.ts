/**
 * Worker thread that reads blocks of a large uncompressed CSV file while the main thread reads
 * others (see `readEvents`): it takes block numbers from a counter shared with the main thread
 * until none are left and posts each block's result (`readCsvBlock`) as soon as it has it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readCsvBlock } from './csv-block';
import type { BlockMessage, BlockResult, BlockWorkerData } from './csv-part';

const { plan, next } = workerData as BlockWorkerData;
const counter = new Int32Array(next);
const blocks = plan.cuts.length - 1;
for (let k = Atomics.add(counter, 0, 1); k < blocks; k = Atomics.add(counter, 0, 1)) {
  const result: BlockResult = readCsvBlock(plan, {
    index: k,
    from: plan.cuts[k]!,
    to: plan.cuts[k + 1]!,
    exact: k === 0,
    encoding: plan.encoding ?? null,
  });
  const transfer = result.ok
    ? [
        result.events.caseOf,
        result.events.activityOf,
        result.events.resourceOf,
        result.events.lifecycleOf,
        result.events.time,
        result.firstHashes,
        result.firstOutcomes,
        result.events.caseHashes,
        ...(result.events.jobcenterOf ? [result.events.jobcenterOf] : []),
      ].map((a) => a.buffer as ArrayBuffer)
    : [];
  parentPort?.postMessage({ type: 'block', result } satisfies BlockMessage, transfer);
}
parentPort?.postMessage({ type: 'done' } satisfies BlockMessage);

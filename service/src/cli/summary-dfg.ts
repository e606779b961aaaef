import { Worker } from 'node:worker_threads';
import { discoverDfg, type Dfg, type EventLog } from '@sagsflow/shared';
import { workerEntry } from '../runtime/build-info';

/** Logs from this many events on have their DFG discovered in a worker thread (a worker costs about 30 ms to start). */
export const DFG_WORKER_MIN_EVENTS = 100_000;

/** The columns of a log the DFG reads (what the worker is given). */
export interface DfgLog {
  activities: readonly string[];
  caseOffsets: Uint32Array;
  activity: Uint32Array;
  timestamp: Float64Array;
}

/** The worker's answer: the DFG without its `activities` (the caller has them). */
export interface DfgMessage {
  dfg: Omit<Dfg, 'activities'>;
}

/**
 * The directly-follows graph of `log` (`discoverDfg`), discovered in a worker thread while this
 * thread goes on (mining the variants and case durations of `summary`), for a log of at least
 * `DFG_WORKER_MIN_EVENTS` events; a smaller log's on this thread at once. Should the worker
 * fail, the graph is discovered on this thread (`onWorkerFailure` is told why): the answer is
 * always `discoverDfg(log)`.
 *
 * @example
 * const dfg = discoverDfgInWorker(log);
 * const variants = discoverVariants(log); // meanwhile
 * report(await dfg, variants);
 */
export function discoverDfgInWorker(log: EventLog, onWorkerFailure?: (why: string) => void): Promise<Dfg> {
  if (log.activity.length < DFG_WORKER_MIN_EVENTS) return Promise.resolve(discoverDfg(log));
  const given: DfgLog = { activities: log.activities, caseOffsets: log.caseOffsets, activity: log.activity, timestamp: log.timestamp };
  const entry = workerEntry('summary-dfg-worker', new URL('./summary-dfg-worker-entry.mjs', import.meta.url));
  return new Promise<Dfg>((resolve) => {
    let settled = false;
    let worker: Worker | null = null;
    const fallBack = (why: string) => {
      if (settled) return;
      onWorkerFailure?.(why);
      settle(() => discoverDfg(log));
    };
    const settle = (dfg: () => Dfg) => {
      if (settled) return;
      settled = true;
      resolve(dfg());
      void worker?.terminate();
    };
    try {
      worker = new Worker(entry, { workerData: given, execArgv: process.execArgv.filter((a) => a.startsWith('--cpu-prof')) });
    } catch (error) {
      fallBack(error instanceof Error ? error.message : String(error));
      return;
    }
    worker.once('message', (m: DfgMessage) => settle(() => ({ ...m.dfg, activities: log.activities })));
    worker.once('error', (error) => fallBack(error.message));
    worker.once('exit', () => fallBack('the worker stopped'));
  });
}

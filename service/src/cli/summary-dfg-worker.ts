/**
 * Worker thread of `summary` (see `discoverDfgInWorker`): discovers the directly-follows graph of
 * the log it is given (the columns the DFG reads) while the main thread mines the variants and
 * case durations, and posts the graph back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { discoverDfg } from '@sagsflow/shared/dfg/discover-dfg';
import type { EventLog } from '@sagsflow/shared';
import type { DfgLog, DfgMessage } from './summary-dfg';

const given = workerData as DfgLog;
// The DFG reads the case count, not the case ids: an empty array of that length stands in for them.
const log: EventLog = {
  activities: given.activities,
  resources: [],
  caseIds: new Array<string>(given.caseOffsets.length - 1),
  caseOffsets: given.caseOffsets,
  activity: given.activity,
  timestamp: given.timestamp,
  resource: new Int32Array(0),
  lifecycle: new Uint8Array(0),
  caseAttributes: new Map(),
  eventAttributes: new Map(),
};
const { activities: _names, ...dfg } = discoverDfg(log);
parentPort!.postMessage({ dfg } satisfies DfgMessage);

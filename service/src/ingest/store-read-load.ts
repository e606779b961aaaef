import type { EventLog, EventLogBuilder } from '@sagsflow/shared';
import { deleteLogVersion } from '../db/versions';
import type { FileDigest } from './content-hash';
import type { LoadReport } from './load-report';
import type { TextScrubber } from './text-scrubber';
import { loadEndActivities, type currentLoad } from '../db/load-queries';
import type { LoadTransaction } from '../db/load-transaction';
import type { ReadTally } from './read-files';
import { finishLoad } from './finish-load';
import type { LoadCounts } from './load-sink';
import { precomputeLoad, startLoadModel, type PrecomputedLoad } from './precompute-load';
import type { ModelJob } from '../precompute/model-job';
import { retentionAfterLoad } from '../governance/load-governance';
import type { LoadRun } from './load-run';
import { policyRefusals, purposeRefusal, refuseNothingLoaded } from './load-refusals';
import { loadReportOf } from './load-report-of';
// versions (issue 13)
import { archiveVersion } from '../db/log-versions/index';
import { keepVersion } from '../db/keep-version';
import type { AppendSeed } from '../versions/append-seed';
import { findingsSettingsOf } from './precompute-load';

/** What the first half of `ingestFiles` hands on once the load's files are read into it. */
export interface ReadLoad {
  loadId: number;
  /** The current version before this load (null: none). */
  latest: number | null;
  version: number;
  /** The current version's load row, for the load policy's case drop. */
  current: ReturnType<typeof currentLoad>;
  hashing: Promise<string>;
  digests: Promise<FileDigest[]> | null;
  tally: ReadTally;
  builder: EventLogBuilder;
  got: LoadCounts;
  appended: AppendSeed | null;
  text: TextScrubber;
}

/**
 * The second half of `ingestFiles`, once the files are read: refuses a load with nothing in it
 * or without a purpose, builds the event log, precomputes and stores the new version, reports,
 * and commits (a dry run rolls back). `ingestFiles` loads this module while the reader worker
 * reads, so the loading thread has less code to load before the read. Throws as `ingestFiles`
 * documents; the model worker is stopped first.
 */
export async function storeReadLoad(run: LoadRun, tx: LoadTransaction, read: ReadLoad): Promise<LoadReport> {
  const { options } = run;
  const { loadId, latest, version, current, hashing, tally, got, appended, text } = read;
  let modelJob: ModelJob | null = null;
  try {
    refuseNothingLoaded(run.what, tally.read, got, appended);
    const noPurpose = purposeRefusal(run, tally);
    run.progress('precompute', null, run.files.length, run.bytesTotal);
    // Shared columns: the model worker reads them without a copy.
    const eventLog = read.builder.build({ shared: true });
    modelJob = startLoadModel(eventLog, { sqlite: run.store.sqlite, log: options.log, options });
    const refusals = policyRefusals(run, tally, got, eventLog.caseIds.length, current, noPurpose);
    const { precomputed, pruned } = storeVersion(run, { latest, version }, eventLog, appended, modelJob);
    run.progress('commit', null, run.files.length, run.bytesTotal);
    const report = await loadReportOf(run, {
      loadId,
      version,
      hashing,
      tally,
      got,
      appended,
      eventLog,
      refusals,
      precomputed,
      pruned,
      text,
    });
    return await finishStoredLoad(run, tx, report, read.digests, tally);
  } catch (err) {
    modelJob?.stop();
    throw err;
  }
}

/**
 * Stores the new version: archives the current one, deletes the log's rows of other versions,
 * precomputes the new version's tables (the model's rows from `modelJob` when started) and keeps
 * it (pruning versions beyond those kept).
 */
function storeVersion(
  run: LoadRun,
  target: { latest: number | null; version: number },
  eventLog: EventLog,
  appended: AppendSeed | null,
  modelJob: ModelJob | null,
): { precomputed: PrecomputedLoad; pruned: number[] } {
  const { store, options, what } = run;
  const { sqlite } = store;
  const { latest, version } = target;
  if (latest !== null) archiveVersion(sqlite, options.log, latest);
  deleteLogVersion(sqlite, options.log, { keepVersion: version });
  const precomputed = precomputeLoad(eventLog, { sqlite, log: options.log, version, what, options, modelJob });
  const pruned = keepVersion(store, options, version, findingsSettingsOf(options.mapping), appended?.from);
  return { precomputed, pruned };
}

/**
 * Ends a stored load: a dry run rolls back and reports `dry-run`; else the load is finished
 * (lineage, status), committed, and the report gains the retention applied and the end activities.
 */
async function finishStoredLoad(
  run: LoadRun,
  tx: LoadTransaction,
  report: LoadReport,
  digests: Promise<FileDigest[]> | null,
  tally: ReadTally,
): Promise<LoadReport> {
  const { store, options } = run;
  if (options.dryRun) {
    tx.rollback();
    return { ...report, status: 'dry-run' };
  }
  await finishLoad(store, report, options, { digests: digests!, mapping: options.mapping ?? tally.mapping });
  tx.commit();
  report.retention = await retentionAfterLoad(store, options.log, options.governance, run.now());
  const ends = loadEndActivities(store.db, report.loadId);
  if (ends) report.endActivities = JSON.parse(ends) as LoadReport['endActivities'];
  return report;
}

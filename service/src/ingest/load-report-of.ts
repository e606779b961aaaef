import { basename } from 'node:path';
import type { EventLog } from '@sagsflow/shared';
import { readViewerBuild } from '../precompute/index';
import type { currentLoad } from '../db/load-queries';
import type { AppendSeed } from '../versions/append-seed';
import type { LoadReport } from './load-report';
import { reportOfLoad } from './load-rows';
import type { LoadRun } from './load-run';
import type { LoadCounts } from './load-sink';
import type { PrecomputedLoad } from './precompute-load';
import type { ReadTally } from './read-files';
import type { TextScrubber } from './text-scrubber';

/** The report of a load whose content hash equals the current version's: nothing was written. */
export function unchangedReport(run: LoadRun, current: NonNullable<ReturnType<typeof currentLoad>>, hash: string): LoadReport {
  return {
    ...reportOfLoad(current, run.options.log, hash),
    status: 'unchanged',
    startedAt: run.startedAt,
    finishedAt: run.now().getTime(),
    model: null,
  };
}

/** What a stored load has found, read, refused and written: the parts of its `LoadReport`. */
export interface StoredLoad {
  loadId: number;
  version: number;
  hashing: Promise<string>;
  tally: ReadTally;
  got: LoadCounts;
  /** `ingest --append`: the version appended to and its events, or null. */
  appended: AppendSeed | null;
  eventLog: EventLog;
  refusals: string[];
  precomputed: PrecomputedLoad;
  /** Versions `keepVersion` pruned. */
  pruned: number[];
  text: TextScrubber;
}

/**
 * The report of a stored (or dry-run) load, awaiting its content hash. With `--append`, the
 * events repeated from the version appended to count as duplicates, and the events and time span
 * cover that version's events too.
 */
export async function loadReportOf(run: LoadRun, load: StoredLoad): Promise<LoadReport> {
  const { options, files, store } = run;
  const { tally, got, appended, precomputed } = load;
  const crossDuplicates = appended?.duplicates ?? 0;
  return {
    loadId: load.loadId,
    log: options.log,
    version: load.version,
    status: 'stored',
    contentHash: await load.hashing,
    rows: {
      read: tally.read,
      accepted: got.accepted - crossDuplicates,
      duplicates: tally.duplicates + crossDuplicates,
      quarantined: got.quarantined,
    },
    quarantinedByReason: got.quarantinedByReason,
    cases: load.eventLog.caseIds.length,
    events: got.accepted - crossDuplicates + (appended?.events ?? 0),
    firstTimestamp: spanEnd(got.firstTimestamp, appended?.firstTimestamp ?? null, Math.min),
    lastTimestamp: spanEnd(got.lastTimestamp, appended?.lastTimestamp ?? null, Math.max),
    startedAt: run.startedAt,
    finishedAt: run.now().getTime(),
    model: precomputed.model,
    compliance: precomputed.compliance,
    viewer: readViewerBuild(store.sqlite, options.log, load.version),
    files: tally.scrubbedNames ?? files.map((f) => load.text.scrub(basename(f))),
    columns: tally.columns,
    ...(load.refusals.length > 0 ? { refusals: load.refusals } : {}),
    ...(precomputed.conformance ? { conformance: precomputed.conformance } : {}),
    duplicatePolicy: [...tally.policies].sort().join(',') || 'drop',
    identical: tally.identical + crossDuplicates,
    ...(load.pruned.length > 0 ? { prunedVersions: load.pruned } : {}),
    ...(appended ? { appendedTo: appended.from } : {}),
  };
}

/** The smaller (or larger, with `Math.max`) of two optional timestamps. */
function spanEnd(a: number | null, b: number | null, pick: (x: number, y: number) => number): number | null {
  return a === null ? b : b === null ? a : pick(a, b);
}

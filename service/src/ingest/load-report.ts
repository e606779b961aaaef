import type { ColumnMapping, ReadCounts, ReadOptions, ReadReport } from '../readers/index';
import type { EventLog } from '@sagsflow/shared';
import type { ModelSummary, PrecomputeContext, ViewerBuildSummary } from '../precompute/index';
import type { LoadedModel } from '../conformance/load-model';
import type { ConformanceSummary } from '../conformance/precompute-conformance';
import type { AttachedCatalogue, ComplianceSummary } from '../precompute/compliance';
import type { LoadPolicy } from './load-policy';
import type { ColumnRoles } from './column-roles';
import type { LoadGovernance, RetentionAfterLoad } from '../governance/load-governance';
import type { ReadWorker } from './worker-read';

/** Reads one file into a sink; the readers' `readLog` by default. */
export type ReadLogFn = (
  file: string,
  options: ReadOptions,
) => Promise<
  Pick<ReadReport, 'rows'> & Partial<Pick<ReadReport, 'mapping' | 'mappingGuessed' | 'columns' | 'duplicatePolicy' | 'identical'>>
>;

/** Progress of a load, for a progress bar. */
export interface IngestProgress {
  phase: 'hash' | 'read' | 'precompute' | 'commit';
  file: string | null;
  fileIndex: number;
  files: number;
  bytesRead: number;
  bytesTotal: number;
}

/** Options of `ingestFiles`. */
export interface IngestOptions {
  /** Input extracts (CSV, CSV.gz, XES, ...), read in order as one load. */
  files: readonly string[];
  /** Name of the log this load becomes the new version of. */
  log: string;
  /** The process of every case; otherwise taken from a `Proces` column, else the log name. */
  process?: string;
  mapping?: ColumnMapping;
  /** Keep exact duplicates as events (true) or drop them (false); default: drop for CSV, keep for XES. */
  keepDuplicates?: boolean;
  /** Minimum group size k kept on the log for serving (default 5). */
  minGroupSize?: number;
  /** A BPMN model to check the cases against (conformance tables); part of the load's content hash. */
  model?: LoadedModel;
  /** A rule catalogue to check the version against; its results go to the compliance tables. */
  rules?: AttachedCatalogue;
  onProgress?: (progress: IngestProgress) => void;
  /** Replaces the reader (tests). */
  readLog?: ReadLogFn;
  /** Replaces the precompute step (tests inject failures with it). */
  precompute?: (log: EventLog, context: PrecomputeContext) => ModelSummary;
  /** Clock (tests). */
  now?: () => Date;
  /** Limits that refuse a load (defaults `DEFAULT_LOAD_POLICY`); raise one to load anyway. */
  policy?: Partial<LoadPolicy>;
  /** Read, check and precompute, then roll back: report what would be stored, store nothing. */
  dryRun?: boolean;
  /** Versions kept restorable, the new one included (default `DEFAULT_KEEP_VERSIONS`); older ones' events are pruned. */
  keepVersions?: number;
  /** The token that loads (recorded with the version), absent for the command line. */
  loadedBy?: string;
  /**
   * Add the files to the current version instead of replacing it: the new version holds the
   * current version's events and the new ones; new rows already in the current version are
   * duplicates (dropped unless `keepDuplicates`). Without a current version it is a plain load.
   */
  append?: boolean;
  /** Purpose, legal basis, controller, who loads and retention (see `LoadGovernance`). */
  governance?: LoadGovernance;
  /** A reader worker started ahead for this load (`startReadWorkerFor`); the caller ends it after the load. */
  readWorker?: ReadWorker;
}

/** What a load did; `rows.read = accepted + duplicates + quarantined`. */
export interface LoadReport {
  loadId: number;
  log: string;
  /** The version now current (the new one when stored, the existing one when unchanged). */
  version: number;
  /** `dry-run`: nothing was stored (the load id and version are what the load would have had). */
  status: 'stored' | 'unchanged' | 'dry-run';
  files: string[];
  contentHash: string;
  rows: ReadCounts;
  quarantinedByReason: Record<string, number>;
  cases: number;
  events: number;
  firstTimestamp: number | null;
  lastTimestamp: number | null;
  startedAt: number;
  finishedAt: number;
  model: ModelSummary | null;
  /** Rows of the conformance tables, when a model was attached. */
  conformance?: ConformanceSummary;
  /** The viewer-grade model's k and price (null when unchanged or not built). */
  viewer?: ViewerBuildSummary | null;
  /** What the loader did with each column of the first file (null when unchanged or unknown). */
  columns?: ColumnRoles | null;
  /** Why the load policy would refuse the load (dry runs only; a real load is refused instead). */
  refusals?: string[];
  /** Rows written to the compliance tables, null when no catalogue was attached (or unchanged). */
  compliance?: ComplianceSummary | null;
  /** What the load did with exact duplicates: `drop`, `keep`, or both (`drop,keep`) across files of different formats. */
  duplicatePolicy?: string;
  /** Exact duplicates seen (dropped ones are in `rows.duplicates`; kept ones are among the accepted). */
  identical?: number;
  /** Earlier versions whose events this load pruned (beyond `keepVersions`). */
  prunedVersions?: number[];
  /** The version this load was appended to (`append`): `events` and `cases` count both, `rows` the new files only. */
  appendedTo?: number;
  /** The end activities used per process and where they come from (mapping, process, inferred). */
  endActivities?: { process: string; activities: string[]; source: string }[];
  /** What the log's retention period removed right after the load committed; null when the log has none. */
  retention?: RetentionAfterLoad | null;
}

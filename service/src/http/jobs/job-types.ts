import type { LoadPolicy, LoadReport } from '../../ingest';
import type { LoadGovernance } from '../../governance/load-governance';
import type { JobRecord } from '../../db/job-rows';

/** What the ingest worker needs: it opens its own connection to `dbPath`. */
export interface IngestJobSpec {
  dbPath: string;
  files: string[];
  log: string;
  process?: string;
  /** Rule catalogue text uploaded with the files; else the process's catalogue is attached. */
  rulesText?: string;
  /** An uploaded BPMN model to attach (else the process's model, if it has one). */
  model?: string;
  minGroupSize: number;
  /** Load policy overrides. */
  policy?: Partial<LoadPolicy>;
  /** Purpose, legal basis, controller, retention and who loads (issue 15). */
  governance?: LoadGovernance;
  /** The token that uploads (recorded with the version it stores). */
  loadedBy?: string;
  /** Add the files to the current version (`ingest --append`). */
  append?: boolean;
}

/** Messages from the ingest worker. */
export type WorkerMessage =
  { type: 'progress'; progress: number; phase: string } | { type: 'done'; report: LoadReport } | { type: 'failed'; message: string };

/** Where a job is. */
export type { JobState } from '../../db/job-rows';

/** A background ingest job as `/api/jobs/:id` shows it: its stored record with live progress. */
export interface Job extends JobRecord<LoadReport> {
  /** 0..1 */
  progress: number;
  phase: string | null;
}

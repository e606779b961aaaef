import type Database from 'better-sqlite3';
import type { EventLog } from '@sagsflow/shared';
import { withoutIndexes, type SqlValue } from '../db/batch-insert';
import { flushAhead } from '../db/flush-ahead';
import { setLoadEndActivities } from '../db/model-queries';
import { computeModelRows, forEachStep, modelInputs, type ModelSpec } from './compute-model';
import type { EndActivities } from './end-activities';
import { startModelWorker, type ModelJob } from './model-job';
import { createModelWriter, MODEL_TABLES, type ModelSummary, type StepFindingsOf, type StepRowListener } from './model-writer';
import type { StepFindingsAhead, StepRowKey, StepVariantsCollector, StepVariantsTable } from './step-variants';
import { recordViewerBuild, writeViewerModel } from './viewer/build-viewer-model';
import { prepareViewerModel, type ViewerBuildSummary } from './viewer/viewer-rows';
import { VIEWER_TABLE_BUILDERS } from './viewer/registry';

/** Every table `writeModel` writes in bulk: the exact model and the viewer-grade model's tables. */
const BULK_TABLES: readonly string[] = [...MODEL_TABLES, ...VIEWER_TABLE_BUILDERS.flatMap((b) => b.tables)];

/**
 * Logs of at least this many events compute their model rows in a worker thread, while this
 * thread writes them. Below it, starting a worker costs more than it saves.
 */
export const MODEL_WORKER_MIN_EVENTS = 100_000;

/** Where precompute writes and what it needs to know besides the event log. */
export interface PrecomputeContext extends ModelSpec {
  sqlite: Database.Database;
  version: number;
  /** Hears of every exact and viewer step row written (the findings of a fresh load are listed from it). */
  stepVariants?: StepVariantsCollector | undefined;
  /** The findings of a variant's step 0 when known as it is written (told to `stepVariants` with the row). */
  stepFindings?: StepFindingsAhead | undefined;
  /** Compute the rows in a worker thread (default: for logs of at least `MODEL_WORKER_MIN_EVENTS` events). */
  modelWorker?: boolean | undefined;
  /** The model worker already started for this log (`startModelWorker`), if any: its rows are written (the caller ends it). */
  modelJob?: ModelJob | null | undefined;
  /** Called once when the first model rows are ready to be written (e.g. to start other work on the second core then). */
  onFirstRows?: (() => void) | undefined;
}

/**
 * Computes the model tables of one (log, version) from its event log with the mining core and
 * writes them in the caller's transaction: steps, cases, variants, activities, edges,
 * jobcenters and periods, at the grain (process, jobcenter, period, ...). Counts and sums only,
 * so every subset of rows adds up to what the core gives on the matching subset of cases. Then
 * the viewer-grade model of the same cases (`viewer/`), where every row holds at least k cases.
 * The secondary indexes of both are dropped while the rows are written and built once after.
 * A large log's rows are computed in a worker thread (`startModelWorker`) and written here as
 * they come; the rows, their order and ids are the same as computed in this thread.
 *
 * @example
 * const summary = precomputeModel(builder.build(), { sqlite, log: 'dagpenge', version: 3, process: null });
 */
export function precomputeModel(log: EventLog, ctx: PrecomputeContext): ModelSummary {
  const inWorker = ctx.modelWorker ?? log.activity.length >= MODEL_WORKER_MIN_EVENTS;
  const spec = { log: ctx.log, process: ctx.process, minGroupSize: ctx.minGroupSize, endActivities: ctx.endActivities };
  // A job given in `ctx` is its caller's to end (it may still compute the findings after the rows).
  const own = ctx.modelJob ? null : inWorker ? startModelWorker(log, spec) : null;
  try {
    // A new database's file is flushed ahead of its final sync, in the background: what the read
    // wrote while the model is written, the model's rows while the indexes are built, and the
    // indexes while the findings are written.
    void flushAhead(ctx.sqlite);
    const summary = withoutIndexes(ctx.sqlite, BULK_TABLES, () => {
      const written = writeModel(log, ctx, ctx.modelJob ?? own);
      void flushAhead(ctx.sqlite);
      return written;
    });
    void flushAhead(ctx.sqlite);
    return summary;
  } finally {
    own?.stop();
  }
}

/**
 * Builds only the viewer-grade model of a log whose exact tables are already written (test
 * fixtures that seed the exact rows by hand); `precomputeModel` builds both.
 */
export function precomputeViewerModel(log: EventLog, ctx: PrecomputeContext): ViewerBuildSummary {
  const inputs = modelInputs(log, ctx);
  const viewer = prepareViewerModel(inputs);
  forEachStep(inputs, (r) => viewer.stepSums.add(r));
  return writeViewerModel(ctx.sqlite, ctx, viewer);
}

/**
 * Keeps the end activities used (per process, with their source) on the load that created this
 * version, so that a user can see and correct them (`endActivities` in the mapping file).
 */
function recordEndActivities(ctx: PrecomputeContext, used: readonly EndActivities[]): void {
  const sources = [...new Set(used.map((e) => e.source))].sort().join(',');
  setLoadEndActivities(ctx.sqlite, ctx.log, ctx.version, JSON.stringify(used), sources || null);
}

function writeModel(log: EventLog, ctx: PrecomputeContext, job: ModelJob | null): ModelSummary {
  const exact = createModelWriter(ctx.sqlite, ctx.log, ctx.version, '', listenerOf(ctx, 'steps'), findingsOf(ctx, 'steps'));
  const viewer = createModelWriter(
    ctx.sqlite,
    ctx.log,
    ctx.version,
    'viewer_',
    listenerOf(ctx, 'viewer_steps'),
    findingsOf(ctx, 'viewer_steps'),
  );
  const computed = job ? job.receive(exact, viewer, ctx.onFirstRows) : (ctx.onFirstRows?.(), computeModelRows(log, ctx, exact, viewer));
  recordEndActivities(ctx, computed.endActivities);
  const summary = exact.finish();
  viewer.finish();
  recordViewerBuild(ctx.sqlite, ctx, computed.viewer);
  return summary;
}

function listenerOf(ctx: PrecomputeContext, table: StepVariantsTable): StepRowListener | undefined {
  const collector = ctx.stepVariants;
  if (!collector) return undefined;
  const cell: { process: SqlValue; jobcenter: SqlValue } = { process: null, jobcenter: null };
  const row: { -readonly [K in keyof StepRowKey]: StepRowKey[K] } = { variantKey: '', stepIndex: 0, from: '', to: '' };
  return (head, id, listed) => {
    cell.process = head[0]!;
    cell.jobcenter = head[1]!;
    row.variantKey = head[3] as string;
    row.stepIndex = head[4] as number;
    row.from = head[5] as string;
    row.to = head[6] as string;
    collector.add(table, cell, row, id, listed);
  };
}

function findingsOf(ctx: PrecomputeContext, table: StepVariantsTable): StepFindingsOf | undefined {
  const ahead = ctx.stepVariants ? ctx.stepFindings : undefined;
  if (!ahead) return undefined;
  return (head) => ahead(table, String(head[0]), String(head[1]), head[3] as string);
}

import type Database from 'better-sqlite3';
import { DEFAULT_FINDINGS_SETTINGS, type EventLog, type FindingsSettings } from '@sagsflow/shared';
import { precomputeConformance, type ConformanceSummary } from '../conformance/precompute-conformance';
import { computeFindings, type FindingsSpec, type ScopeFindings } from '../findings/compute-findings';
import { readFindingSources } from '../findings/read-finding-sources';
import { startFindingsWorker, type FindingsJob } from '../findings/findings-job';
import { createStepFindingsAhead } from '../findings/step-findings-ahead';
import { writeFindings } from '../findings/precompute-findings';
import { precomputeModel, type ModelSummary } from '../precompute/index';
import { startModelWorker, type ModelJob } from '../precompute/model-job';
import { MODEL_WORKER_MIN_EVENTS } from '../precompute/precompute-model';
import { precomputeCompliance, type ComplianceSummary } from '../precompute/compliance';
import { createStepVariantsCollector } from '../precompute/step-variants';
import { buildViewerAnalyses } from '../precompute/viewer/build-viewer-analyses';
import type { ColumnMapping } from '../readers/index';
import { storedGroupSize } from '../db/log-queries';
import { IngestError } from './errors';
import type { IngestOptions } from './load-report';

/**
 * Logs of at least this many events compute their findings in a worker thread, beside the model
 * writes (when neither a rule catalogue nor a model is attached: then the findings need nothing
 * the load writes). Below it, starting a worker costs more than it saves.
 */
export const FINDINGS_WORKER_MIN_EVENTS = 100_000;

/** The model of a load (process, k, end activities) as `precomputeLoad` computes it. */
function loadModelSpec(sqlite: Database.Database, log: string, options: IngestOptions) {
  return {
    log,
    process: options.process ?? null,
    minGroupSize: options.minGroupSize ?? storedGroupSize(sqlite, log)?.k ?? 5,
    endActivities: options.mapping?.endActivities,
  };
}

/**
 * Starts computing the model rows of a large load in the model worker (`startModelWorker`) as
 * soon as its event log is built, so that the worker starts while this thread finishes the read
 * (policy checks, archiving the current version); give it to `precomputeLoad`, which writes its rows. Null for a small log
 * (or a precompute given in `options`): `precomputeLoad` computes those itself.
 */
export function startLoadModel(
  eventLog: EventLog,
  ctx: { sqlite: Database.Database; log: string; options: IngestOptions },
): ModelJob | null {
  if (ctx.options.precompute || eventLog.activity.length < MODEL_WORKER_MIN_EVENTS) return null;
  return startModelWorker(eventLog, loadModelSpec(ctx.sqlite, ctx.log, ctx.options));
}

/** What precompute wrote for the new version. */
export interface PrecomputedLoad {
  model: ModelSummary;
  compliance: ComplianceSummary | null;
  conformance: ConformanceSummary | undefined;
}

/**
 * Precomputes the new version's tables in the load's transaction: the model (and its
 * viewer-grade form), the compliance tables when a rule catalogue is attached, the conformance
 * tables when a model is, and their viewer-grade forms, then the findings (which read the
 * compliance and conformance rows). Without a catalogue and a model, the findings of a large log
 * are computed in a worker thread, made at once and let compute as soon as the model's first rows
 * are ready (the model worker has the second core to itself until then), while this thread writes the model; and the
 * findings are listed beside the variants from what the step rows said as they were written
 * (`createStepVariantsCollector`) instead of reading the step tables back.
 * A failure becomes an `IngestError('precompute-failed')` naming the step.
 */
export function precomputeLoad(
  eventLog: EventLog,
  ctx: { sqlite: Database.Database; log: string; version: number; what: string; options: IngestOptions; modelJob?: ModelJob | null },
): PrecomputedLoad {
  const { sqlite, log, version, what, options } = ctx;
  const { process, minGroupSize, endActivities } = loadModelSpec(sqlite, log, options);
  const outcome = options.mapping?.outcome
    ? { attribute: options.mapping.outcome.column.replace(/^case:/, ''), success: options.mapping.outcome.success }
    : undefined;
  const spec: FindingsSpec = { log, process, minGroupSize, outcome, endActivities, settings: findingsSettingsOf(options.mapping) };
  const findingsEarly = !options.rules && !options.model && eventLog.activity.length >= FINDINGS_WORKER_MIN_EVENTS;
  // Made paused here, while the model worker computes its first rows (this thread copies the log
  // to it instead of waiting), and let compute once those rows are posted: until then the model
  // worker has the second core alone (the loading thread waits for the findings only at the end).
  let early = null as FindingsJob | null;
  const startFindings = (): void => early?.start();
  // Rules and a model mark the step rows after they are written: then the findings read the tables.
  const stepVariants = !options.precompute && !options.rules && !options.model ? createStepVariantsCollector() : undefined;
  // The findings, once the worker has answered: the step rows written after list them as they are written.
  let scopes: ScopeFindings[] | undefined;
  const findingsNow = () => (scopes ??= early?.ready() ? early.join() : undefined);
  let result: PrecomputedLoad;
  try {
    if (findingsEarly) early = startFindingsWorker(eventLog, spec, new Map(), true);
    const model = (options.precompute ?? precomputeModel)(eventLog, {
      sqlite,
      log,
      version,
      process,
      minGroupSize,
      endActivities,
      stepVariants,
      stepFindings: stepVariants && findingsEarly ? createStepFindingsAhead(stepVariants, findingsNow) : undefined,
      onFirstRows: startFindings,
      modelJob: ctx.modelJob,
    });
    startFindings();
    const compliance = options.rules ? precomputeCompliance(eventLog, { sqlite, log, version, process }, options.rules) : null;
    const conformance = options.model
      ? precomputeConformance(eventLog, { sqlite, log, version, process, model: options.model, endActivities })
      : undefined;
    buildViewerAnalyses(sqlite, { log, version });
    result = { model, compliance, conformance };
  } catch (err) {
    early?.stop();
    ctx.modelJob?.stop();
    throw new IngestError('precompute-failed', `${what}: precompute failed: ${(err as Error).message}`, { cause: err });
  }
  try {
    scopes ??= early ? early.join() : computeFindings(eventLog, spec, readFindingSources(sqlite, log, version));
    writeFindings({ sqlite, log, version }, scopes, stepVariants);
  } catch (err) {
    throw new IngestError('precompute-failed', `${what}: findings failed: ${(err as Error).message}`, { cause: err });
  }
  return result;
}

/** The findings settings of a mapping file, as `precomputeFindings` takes them (unset keys keep their defaults). */
export function findingsSettingsOf(mapping: ColumnMapping | undefined): Partial<FindingsSettings> | undefined {
  const f = mapping?.findings;
  if (!f) return undefined;
  const { automationWeights, ...rest } = f;
  const settings = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<FindingsSettings>;
  if (automationWeights) {
    settings.automationWeights = {
      ...DEFAULT_FINDINGS_SETTINGS.automationWeights,
      ...Object.fromEntries(Object.entries(automationWeights).filter(([, v]) => v !== undefined)),
    };
  }
  return settings;
}

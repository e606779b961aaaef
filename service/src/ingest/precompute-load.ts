import type Database from 'better-sqlite3';
import { DEFAULT_FINDINGS_SETTINGS, type EventLog, type FindingsSettings } from '@sagsflow/shared';
import { precomputeConformance, type ConformanceSummary } from '../conformance/precompute-conformance';
import { computeFindings, type FindingsSpec } from '../findings/compute-findings';
import { readFindingSources } from '../findings/read-finding-sources';
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

/** The model of a load (process, k, end activities) as `precomputeLoad` computes it. */
function loadModelSpec(sqlite: Database.Database, log: string, options: IngestOptions) {
  return {
    log,
    process: options.process ?? null,
    minGroupSize: options.minGroupSize ?? storedGroupSize(sqlite, log)?.k ?? 5,
    endActivities: options.mapping?.endActivities,
  };
}

/** The findings of a load as `precomputeLoad` computes them (its model's spec, the mapping's outcome and settings). */
function loadFindingsSpec(sqlite: Database.Database, log: string, options: IngestOptions): FindingsSpec {
  const outcome = options.mapping?.outcome
    ? { attribute: options.mapping.outcome.column.replace(/^case:/, ''), success: options.mapping.outcome.success }
    : undefined;
  return { ...loadModelSpec(sqlite, log, options), outcome, settings: findingsSettingsOf(options.mapping) };
}

/**
 * Starts computing the model rows of a large load in the model worker (`startModelWorker`) as
 * soon as its event log is built, so that the worker starts while this thread finishes the read
 * (policy checks, archiving the current version); give it to `precomputeLoad`, which writes its
 * rows. Without a rule catalogue and a model (then the findings need nothing the load writes),
 * the worker computes the findings too, after its rows, while this thread writes them. Null for a
 * small log (or a precompute given in `options`): `precomputeLoad` computes those itself.
 */
export function startLoadModel(
  eventLog: EventLog,
  ctx: { sqlite: Database.Database; log: string; options: IngestOptions },
): ModelJob | null {
  const { sqlite, log, options } = ctx;
  if (options.precompute || eventLog.activity.length < MODEL_WORKER_MIN_EVENTS) return null;
  const findings = options.rules || options.model ? undefined : loadFindingsSpec(sqlite, log, options);
  return startModelWorker(eventLog, loadModelSpec(sqlite, log, options), findings);
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
 * compliance and conformance rows). A large log's model rows, and without a catalogue and a
 * model its findings, come from the model worker (`startLoadModel`), which computes the findings
 * while this thread writes the rows; and the findings are listed beside the variants from what
 * the step rows said as they were written (`createStepVariantsCollector`) instead of reading the
 * step tables back. A failure becomes an `IngestError('precompute-failed')` naming the step.
 */
export function precomputeLoad(
  eventLog: EventLog,
  ctx: { sqlite: Database.Database; log: string; version: number; what: string; options: IngestOptions; modelJob?: ModelJob | null },
): PrecomputedLoad {
  const { sqlite, log, version, what, options, modelJob } = ctx;
  const spec = loadFindingsSpec(sqlite, log, options);
  const { process, minGroupSize, endActivities } = spec;
  // Rules and a model mark the step rows after they are written: then the findings read the tables.
  const stepVariants = !options.precompute && !options.rules && !options.model ? createStepVariantsCollector() : undefined;
  let result: PrecomputedLoad;
  try {
    const model = (options.precompute ?? precomputeModel)(eventLog, {
      sqlite,
      log,
      version,
      process,
      minGroupSize,
      endActivities,
      stepVariants,
      // The step rows written once the worker has computed the findings list them as they are written.
      stepFindings: stepVariants && modelJob ? createStepFindingsAhead(stepVariants, () => modelJob.pollFindings()) : undefined,
      modelJob,
    });
    const compliance = options.rules ? precomputeCompliance(eventLog, { sqlite, log, version, process }, options.rules) : null;
    const conformance = options.model
      ? precomputeConformance(eventLog, { sqlite, log, version, process, model: options.model, endActivities })
      : undefined;
    buildViewerAnalyses(sqlite, { log, version });
    result = { model, compliance, conformance };
  } catch (err) {
    modelJob?.stop();
    throw new IngestError('precompute-failed', `${what}: precompute failed: ${(err as Error).message}`, { cause: err });
  }
  try {
    const scopes = modelJob?.findings() ?? computeFindings(eventLog, spec, readFindingSources(sqlite, log, version));
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

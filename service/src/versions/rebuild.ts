import type Database from 'better-sqlite3';
import { EventLogBuilder, type EventLog } from '@sagsflow/shared';
import { precomputeConformance } from '../conformance/precompute-conformance';
import { storedEventRows, type StoredCase } from '../db/log-versions/index';
import { precomputeFindings } from '../findings/precompute-findings';
import { precomputeCompliance } from '../precompute/compliance';
import { JOBCENTER_ATTRIBUTE, PROCESS_ATTRIBUTE, precomputeModel, UNKNOWN_JOBCENTER, type ModelSummary } from '../precompute/index';
import type { BuildRecipe } from './recipe';

/**
 * Adds the stored events of a log version (`events` rows, in their order) to `builder`, with
 * each case's jobcenter, process (when the log has none of its own) and case attributes from
 * `cases`. Returns the events added.
 */
export function addStoredEvents(
  sqlite: Database.Database,
  target: { log: string; version: number; process: string | null },
  cases: ReadonlyMap<string, StoredCase>,
  builder: EventLogBuilder,
): number {
  let added = 0;
  let lastCase: string | null = null;
  for (const [caseId, activity, timestamp, resource, lifecycle, attributes] of storedEventRows(sqlite, target.log, target.version)) {
    builder.addEvent(caseId, activity, timestamp, resource, lifecycle);
    added++;
    if (attributes) for (const [k, v] of Object.entries(JSON.parse(attributes) as Record<string, string>)) builder.setEventAttribute(k, v);
    if (caseId === lastCase) continue;
    lastCase = caseId;
    const c = cases.get(caseId);
    if (!c) continue;
    if (c.jobcenter !== UNKNOWN_JOBCENTER) builder.setCaseAttribute(JOBCENTER_ATTRIBUTE, c.jobcenter);
    if (target.process === null) builder.setCaseAttribute(PROCESS_ATTRIBUTE, c.process);
    if (c.attributes)
      for (const [k, v] of Object.entries(JSON.parse(c.attributes) as Record<string, string>)) builder.setCaseAttribute(k, v);
  }
  return added;
}

/**
 * Builds every model table of a log version from its event log and recipe, as the load that
 * stored it did: the model and viewer-grade tables, compliance (when a rule catalogue was
 * attached), conformance (when a model was) and findings. Runs in the caller's transaction
 * on tables that hold no rows of this version yet.
 */
export function buildVersionTables(
  sqlite: Database.Database,
  target: { log: string; version: number },
  recipe: BuildRecipe,
  eventLog: EventLog,
): ModelSummary {
  const { log, version } = target;
  const process = recipe.process;
  const model = precomputeModel(eventLog, {
    sqlite,
    log,
    version,
    process,
    minGroupSize: recipe.minGroupSize,
    endActivities: recipe.endActivities,
  });
  if (recipe.rules) precomputeCompliance(eventLog, { sqlite, log, version, process }, recipe.rules);
  if (recipe.model)
    precomputeConformance(eventLog, { sqlite, log, version, process, model: recipe.model, endActivities: recipe.endActivities });
  precomputeFindings(eventLog, {
    sqlite,
    log,
    version,
    process,
    minGroupSize: recipe.minGroupSize,
    outcome: recipe.outcome ? { attribute: recipe.outcome.attribute, success: [...recipe.outcome.success] } : undefined,
    endActivities: recipe.endActivities,
    settings: recipe.findings,
  });
  return model;
}

import type Database from 'better-sqlite3';
import { EventLogBuilder, type EventLog } from '@sagsflow/shared';
import { precomputeConformance } from '../../conformance/precompute-conformance';
import { precomputeFindings } from '../../findings/precompute-findings';
import { precomputeCompliance } from '../../precompute/compliance';
import { JOBCENTER_ATTRIBUTE, PROCESS_ATTRIBUTE, precomputeModel, UNKNOWN_JOBCENTER, type ModelSummary } from '../../precompute/index';
import type { VersionRecipe } from './recipe';

/** A case's stored data besides its events (as in `cases` / `version_cases`). */
export interface StoredCase {
  process: string;
  jobcenter: string;
  attributes: string | null;
}

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
  const rows = sqlite
    .prepare('SELECT case_id, activity, timestamp, resource, lifecycle, attributes FROM events WHERE log = ? AND version = ? ORDER BY id')
    .raw()
    .iterate(target.log, target.version) as Iterable<[string, string, number, string | null, string | null, string | null]>;
  for (const [caseId, activity, timestamp, resource, lifecycle, attributes] of rows) {
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

/** The case rows (`cases`) of a log version, by case id. */
export function storedCases(sqlite: Database.Database, log: string, version: number): Map<string, StoredCase> {
  const out = new Map<string, StoredCase>();
  const rows = sqlite
    .prepare('SELECT case_id, process, jobcenter, attributes FROM cases WHERE log = ? AND version = ?')
    .raw()
    .iterate(log, version) as Iterable<[string, string, string, string | null]>;
  for (const [caseId, process, jobcenter, attributes] of rows) out.set(caseId, { process, jobcenter, attributes });
  return out;
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
  recipe: VersionRecipe,
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

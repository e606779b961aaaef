import type Database from 'better-sqlite3';
import { parseIsoDate, type ProcessGraph, type WorkflowNet } from '@sagsflow/shared';
import { precomputeCompliance } from '../precompute/compliance';
import { precomputeConformance } from '../conformance/precompute-conformance';
import { precomputeFindings } from '../findings/precompute-findings';
import { buildViewerAnalyses } from '../precompute/viewer/build-viewer-analyses';
import { parseCatalogue } from '../rules/parse-catalogue';
import { findingsSettingsOf } from '../ingest/precompute-load';
import type { ColumnMapping } from '../readers/index';
import { latestAttachedModel } from '../db/attached-model-queries';
import { deleteVersionFindings, reinsertFinding, restoreFindingStatus, versionFindings } from '../db/finding-history-queries';
import { latestStoredLoad, mappingEndActivities } from '../db/lineage-queries';
import { logHead } from '../db/log-queries';
import { readAttachedCatalogue } from '../db/stored-log';
import { COMPLIANCE_TABLES } from '../db/compliance-rows';
import { CONFORMANCE_TABLES } from '../db/conformance-rows';
import { deleteVersionRows } from '../db/version-rows';
import { storedEventLog } from './stored-event-log';
import { precomputeTeams } from './teams';

/** What `rebuildSummaries` rebuilt for one log (rows written; null = the version has none to rebuild). */
export interface RebuiltSummaries {
  compliance: number | null;
  /** Conformance variant rows; null without an attached model, `kept` when the model was attached before it was stored (migration 0014). */
  conformance: number | 'kept' | null;
  findings: number;
  teams: number;
}

/**
 * Rebuilds the summary tables of a log's current version from its stored events, as the load
 * wrote them: rule compliance (the attached catalogue and as-of date), conformance (the stored
 * model), their viewer-grade forms, findings (each keeps the status and first version it had; resolved ones stay) and
 * the team rows, in one transaction. Run after cases were removed (erasure, retention) and by
 * `sagsflow precompute`. Returns null when there is no such log.
 */
export function rebuildSummaries(sqlite: Database.Database, log: string): RebuiltSummaries | null {
  const meta = logHead(sqlite, log);
  if (!meta) return null;
  const { version, process } = meta;
  const load = latestStoredLoad(sqlite, log, version);
  const mapping = load?.mapping ? (JSON.parse(load.mapping) as ColumnMapping) : undefined;
  const endActivities = mapping?.endActivities ?? mappingEndActivities(load);
  const eventLog = storedEventLog(sqlite, log, version, process);
  return sqlite.transaction((): RebuiltSummaries => {
    let compliance: number | null = null;
    const catalogue = readAttachedCatalogue(sqlite, log, version);
    if (catalogue) {
      deleteVersionRows(sqlite, COMPLIANCE_TABLES, { log, version });
      const attached = {
        catalogue: parseCatalogue(catalogue.text, catalogue.catalogue),
        text: catalogue.text,
        asOfDay: catalogue.asOf ? parseIsoDate(catalogue.asOf) : null,
      };
      compliance = precomputeCompliance(eventLog, { sqlite, log, version, process }, attached).compliance;
    }
    let conformance: RebuiltSummaries['conformance'] = null;
    const model = latestAttachedModel(sqlite, log, version);
    if (model) {
      deleteVersionRows(sqlite, CONFORMANCE_TABLES, { log, version });
      const graph = JSON.parse(model.graph) as ProcessGraph;
      const loaded = {
        file: model.name,
        graph,
        net: JSON.parse(model.net) as WorkflowNet,
        tasks: graph.nodes.filter((n) => n.kind === 'task').length,
        digest: model.digest,
      };
      conformance = precomputeConformance(eventLog, { sqlite, log, version, process, model: loaded, endActivities }).variants;
    } else if (load?.modelName) conformance = 'kept';
    buildViewerAnalyses(sqlite, { log, version });
    const findings = rebuildFindings(sqlite, { log, version, process, k: meta.k, mapping, endActivities, eventLog });
    const teams = mapping?.team ? precomputeTeams(sqlite, log, version, meta.k) : 0;
    return { compliance, conformance, findings, teams };
  })();
}

function rebuildFindings(
  sqlite: Database.Database,
  r: {
    log: string;
    version: number;
    process: string | null;
    k: number;
    mapping: ColumnMapping | undefined;
    endActivities: readonly string[] | undefined;
    eventLog: ReturnType<typeof storedEventLog>;
  },
): number {
  const kept = versionFindings(sqlite, r.log, r.version);
  deleteVersionFindings(sqlite, r.log, r.version);
  const outcome = r.mapping?.outcome
    ? { attribute: r.mapping.outcome.column.replace(/^case:/, ''), success: r.mapping.outcome.success }
    : undefined;
  const written = precomputeFindings(r.eventLog, {
    sqlite,
    log: r.log,
    version: r.version,
    process: r.process,
    minGroupSize: r.k,
    outcome,
    endActivities: r.endActivities,
    settings: findingsSettingsOf(r.mapping),
  });
  for (const f of kept) {
    if (f.status === 'resolved') reinsertFinding(sqlite, f);
    else restoreFindingStatus(sqlite, f);
  }
  return written;
}

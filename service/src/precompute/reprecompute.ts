import type Database from 'better-sqlite3';
import { EventLogBuilder } from '@sagsflow/shared';
import { addStoredEvents, storedCases } from '../db/log-versions/rebuild';
import { latestStoredLoad, mappingEndActivities } from '../db/lineage-queries';
import { logHead } from '../db/log-queries';
import { logsWithUnrankedSteps } from '../db/unranked-logs';
import { deleteVersionRows } from '../db/version-rows';
import { viewerBuildOf } from '../db/model-queries';
import { MODEL_TABLES, type ModelSummary } from './model-writer';
import { precomputeModel } from './precompute-model';
import { VIEWER_TABLE_BUILDERS } from './viewer/registry';
import { buildViewerAnalyses } from './viewer/build-viewer-analyses';

/**
 * Logs whose model tables were written before migration 0008, or whose viewer-grade model was
 * written before migration 0012 (their step rows carry no variant number).
 */
export function staleLogs(sqlite: Database.Database): string[] {
  return logsWithUnrankedSteps(sqlite);
}

/**
 * Recomputes the model tables of a log's current version from its stored (pseudonymised)
 * events and case attributes, in one transaction: the upgrade path for logs loaded before the
 * data contract changed (migration 0008: fine histograms, the END step's case durations,
 * variant numbers, finished cases; migration 0012: the same in the viewer-grade model, rebuilt
 * with the k it was built with). The end activities given by a mapping file at load time are
 * kept. The step table's insight and findings columns come from the summaries: run
 * `rebuildSummaries` after it, as `sagsflow precompute`, erasure and retention do.
 * Returns the rows written, or null when there is no such log.
 *
 * @example for (const log of staleLogs(store.sqlite)) reprecomputeLog(store.sqlite, log);
 */
export function reprecomputeLog(sqlite: Database.Database, log: string): ModelSummary | null {
  const meta = logHead(sqlite, log);
  if (!meta) return null;
  const builder = new EventLogBuilder();
  addStoredEvents(sqlite, { log, version: meta.version, process: meta.process }, storedCases(sqlite, log, meta.version), builder);
  const given = mappingEndActivities(latestStoredLoad(sqlite, log, meta.version));
  const minGroupSize = viewerBuildOf(sqlite, log, meta.version)?.k ?? meta.k;
  const viewerTables = VIEWER_TABLE_BUILDERS.flatMap((b) => b.tables);
  return sqlite.transaction(() => {
    deleteVersionRows(sqlite, [...MODEL_TABLES, ...viewerTables], { log, version: meta.version });
    const summary = precomputeModel(builder.build(), {
      sqlite,
      log,
      version: meta.version,
      process: meta.process,
      minGroupSize,
      endActivities: given,
    });
    buildViewerAnalyses(sqlite, { log, version: meta.version });
    return summary;
  })();
}

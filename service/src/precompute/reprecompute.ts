import type Database from 'better-sqlite3';
import { EventLogBuilder } from '@sagsflow/shared';
import { JOBCENTER_ATTRIBUTE, PROCESS_ATTRIBUTE } from './case-groups';
import { MODEL_TABLES, type ModelSummary } from './model-writer';
import { precomputeModel } from './precompute-model';
import { VIEWER_TABLE_BUILDERS } from './viewer/registry';
import { buildViewerAnalyses } from './viewer/build-viewer-analyses';

/**
 * Logs whose model tables were written before migration 0008, or whose viewer-grade model was
 * written before migration 0012 (their step rows carry no variant number).
 */
export function staleLogs(sqlite: Database.Database): string[] {
  return sqlite
    .prepare(
      `SELECT s.log FROM steps s JOIN logs l ON l.name = s.log AND l.current_version = s.version WHERE s.variant_rank = 0
       UNION SELECT s.log FROM viewer_steps s JOIN logs l ON l.name = s.log AND l.current_version = s.version WHERE s.variant_rank = 0
       ORDER BY 1`,
    )
    .pluck()
    .all() as string[];
}

/** The k a log's viewer-grade model was built with, else the log's minimum group size, else 5. */
function viewerK(sqlite: Database.Database, log: string, version: number): number {
  const built = sqlite.prepare('SELECT k FROM viewer_builds WHERE log = ? AND version = ?').pluck().get(log, version) as number | undefined;
  if (built !== undefined) return built;
  const stored = sqlite.prepare('SELECT min_group_size FROM logs WHERE name = ?').pluck().get(log) as number | null | undefined;
  return stored ?? 5;
}

interface CaseRow {
  case_id: string;
  process: string;
  jobcenter: string;
  attributes: string | null;
}

interface EventDbRow {
  case_id: string;
  activity: string;
  timestamp: number;
  resource: string | null;
  lifecycle: string | null;
  attributes: string | null;
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
  const meta = sqlite.prepare('SELECT process, current_version AS version FROM logs WHERE name = ?').get(log) as
    { process: string | null; version: number } | undefined;
  if (!meta) return null;
  const cases = new Map<string, CaseRow>();
  for (const c of sqlite
    .prepare('SELECT case_id, process, jobcenter, attributes FROM cases WHERE log = ? AND version = ?')
    .iterate(log, meta.version) as Iterable<CaseRow>) {
    cases.set(c.case_id, c);
  }
  const builder = new EventLogBuilder();
  let lastCase: string | null = null;
  const events = sqlite.prepare(
    'SELECT case_id, activity, timestamp, resource, lifecycle, attributes FROM events WHERE log = ? AND version = ? ORDER BY id',
  );
  for (const e of events.iterate(log, meta.version) as Iterable<EventDbRow>) {
    builder.addEvent(e.case_id, e.activity, e.timestamp, e.resource, e.lifecycle);
    if (e.attributes)
      for (const [k, v] of Object.entries(JSON.parse(e.attributes) as Record<string, string>)) builder.setEventAttribute(k, v);
    if (e.case_id === lastCase) continue;
    lastCase = e.case_id;
    const c = cases.get(e.case_id);
    if (!c) continue;
    if (c.jobcenter !== 'ukendt') builder.setCaseAttribute(JOBCENTER_ATTRIBUTE, c.jobcenter);
    if (meta.process === null) builder.setCaseAttribute(PROCESS_ATTRIBUTE, c.process);
    if (c.attributes)
      for (const [k, v] of Object.entries(JSON.parse(c.attributes) as Record<string, string>)) builder.setCaseAttribute(k, v);
  }
  const ends = sqlite
    .prepare(
      "SELECT end_activities AS e, end_activities_source AS s FROM loads WHERE log = ? AND version = ? AND status = 'stored' ORDER BY id DESC LIMIT 1",
    )
    .get(log, meta.version) as { e: string | null; s: string | null } | undefined;
  const given = ends?.s === 'mapping' && ends.e ? (JSON.parse(ends.e) as { activities: string[] }[])[0]?.activities : undefined;
  const minGroupSize = viewerK(sqlite, log, meta.version);
  const viewerTables = VIEWER_TABLE_BUILDERS.flatMap((b) => b.tables);
  return sqlite.transaction(() => {
    for (const table of [...MODEL_TABLES, ...viewerTables])
      sqlite.prepare(`DELETE FROM "${table}" WHERE log = ? AND version = ?`).run(log, meta.version);
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

import type Database from 'better-sqlite3';
import { parseIsoDate, type ProcessGraph, type WorkflowNet } from '@sagsflow/shared';
import { precomputeCompliance } from '../precompute/compliance';
import { precomputeConformance } from '../conformance/precompute-conformance';
import { precomputeFindings } from '../findings/precompute-findings';
import { buildViewerAnalyses } from '../precompute/viewer/build-viewer-analyses';
import { parseCatalogue } from '../rules/parse-catalogue';
import { findingsSettingsOf } from '../ingest/precompute-load';
import type { ColumnMapping } from '../readers/index';
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

const FINDING_COLUMNS =
  'log, version, process, jobcenter, finding_id, kind, rank, status, first_version, activity, from_activity, to_activity, rule, cases, value_dkk, evidence, summary_en, summary_da';

/**
 * Rebuilds the summary tables of a log's current version from its stored events, as the load
 * wrote them: rule compliance (the attached catalogue and as-of date), conformance (the stored
 * model), their viewer-grade forms, findings (each keeps the status and first version it had; resolved ones stay) and
 * the team rows, in one transaction. Run after cases were removed (erasure, retention) and by
 * `sagsflow precompute`. Returns null when there is no such log.
 */
export function rebuildSummaries(sqlite: Database.Database, log: string): RebuiltSummaries | null {
  const meta = sqlite.prepare('SELECT process, current_version AS version, min_group_size AS k FROM logs WHERE name = ?').get(log) as
    { process: string | null; version: number; k: number } | undefined;
  if (!meta) return null;
  const { version, process } = meta;
  const load = sqlite
    .prepare(
      "SELECT mapping, end_activities AS ends, end_activities_source AS source, model_name AS model FROM loads WHERE log = ? AND version = ? AND status = 'stored' ORDER BY id DESC LIMIT 1",
    )
    .get(log, version) as { mapping: string | null; ends: string | null; source: string | null; model: string | null } | undefined;
  const mapping = load?.mapping ? (JSON.parse(load.mapping) as ColumnMapping) : undefined;
  const endActivities =
    mapping?.endActivities ??
    (load?.source === 'mapping' && load.ends ? (JSON.parse(load.ends) as { activities: string[] }[])[0]?.activities : undefined);
  const eventLog = storedEventLog(sqlite, log, version, process);
  const where = (table: string) => sqlite.prepare(`DELETE FROM "${table}" WHERE log = ? AND version = ?`).run(log, version);
  return sqlite.transaction((): RebuiltSummaries => {
    let compliance: number | null = null;
    const catalogue = sqlite
      .prepare('SELECT catalogue, as_of AS asOf, text FROM rule_catalogues WHERE log = ? AND version = ? ORDER BY id DESC LIMIT 1')
      .get(log, version) as { catalogue: string; asOf: string | null; text: string } | undefined;
    if (catalogue) {
      for (const t of ['rule_catalogues', 'rules', 'compliance', 'case_compliance']) where(t);
      const attached = {
        catalogue: parseCatalogue(catalogue.text, catalogue.catalogue),
        text: catalogue.text,
        asOfDay: catalogue.asOf ? parseIsoDate(catalogue.asOf) : null,
      };
      compliance = precomputeCompliance(eventLog, { sqlite, log, version, process }, attached).compliance;
    }
    let conformance: RebuiltSummaries['conformance'] = null;
    const model = sqlite
      .prepare('SELECT name, graph, net, digest FROM attached_models WHERE log = ? AND version = ? ORDER BY id DESC LIMIT 1')
      .get(log, version) as { name: string; graph: string; net: string; digest: string } | undefined;
    if (model) {
      for (const t of ['conformance_models', 'conformance_variants', 'conformance_activities', 'conformance_cases']) where(t);
      const graph = JSON.parse(model.graph) as ProcessGraph;
      const loaded = {
        file: model.name,
        graph,
        net: JSON.parse(model.net) as WorkflowNet,
        tasks: graph.nodes.filter((n) => n.kind === 'task').length,
        digest: model.digest,
      };
      conformance = precomputeConformance(eventLog, { sqlite, log, version, process, model: loaded, endActivities }).variants;
    } else if (load?.model) conformance = 'kept';
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
  const kept = sqlite.prepare(`SELECT ${FINDING_COLUMNS} FROM findings WHERE log = ? AND version = ?`).all(r.log, r.version) as Record<
    string,
    unknown
  >[];
  sqlite.prepare('DELETE FROM findings WHERE log = ? AND version = ?').run(r.log, r.version);
  sqlite.prepare('DELETE FROM finding_cases WHERE log = ? AND version = ?').run(r.log, r.version);
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
  const restore = sqlite.prepare(
    'UPDATE findings SET status = ?, first_version = ? WHERE log = ? AND version = ? AND jobcenter = ? AND finding_id = ?',
  );
  const insert = sqlite.prepare(
    `INSERT INTO findings (${FINDING_COLUMNS}) VALUES (${FINDING_COLUMNS.split(',')
      .map(() => '?')
      .join(', ')})`,
  );
  for (const f of kept) {
    if (f['status'] === 'resolved') insert.run(...FINDING_COLUMNS.split(', ').map((c) => f[c]));
    else restore.run(f['status'], f['first_version'], r.log, r.version, f['jobcenter'], f['finding_id']);
  }
  return written;
}

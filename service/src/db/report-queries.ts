import type Database from 'better-sqlite3';
import { BUCKET_COLUMNS, type StepRow } from '@sagsflow/shared';
import type { SqlFragment } from './sql/fragment';

/** `jobcenter = ?` for a scope, or nothing for all jobcenters (''). */
function scopeSql(scope: string): SqlFragment {
  return scope === '' ? { sql: '', params: [] } : { sql: ' AND jobcenter = ?', params: [scope] };
}

/** The step rows of a log's current version in a scope, summed over jobcenters and periods. */
export function readScopedSteps(sqlite: Database.Database, log: string, scope: string): StepRow[] {
  const s = scopeSql(scope);
  const sums = BUCKET_COLUMNS.map((h) => `sum("${h}") AS "${h}"`).join(', ');
  const rows = sqlite
    .prepare(
      `SELECT variant_key, step_index, from_activity, to_activity, sum(cases) AS cases, sum(sum_seconds) AS sum_seconds, ${sums}
       FROM steps WHERE log = ?${s.sql} GROUP BY variant_key, step_index, from_activity, to_activity ORDER BY variant_key, step_index`,
    )
    .all(log, ...s.params) as Record<string, number | string>[];
  return rows.map((r) => ({
    variantKey: r['variant_key'] as string,
    stepIndex: r['step_index'] as number,
    from: r['from_activity'] as string,
    to: r['to_activity'] as string,
    cases: r['cases'] as number,
    sumSeconds: r['sum_seconds'] as number,
    histogram: BUCKET_COLUMNS.map((h) => r[h] as number),
  }));
}

/** The processes of a log with cases in a scope, sorted. */
export function readScopedProcesses(sqlite: Database.Database, log: string, scope: string): string[] {
  const s = scopeSql(scope);
  return sqlite
    .prepare(`SELECT DISTINCT process FROM jobcenters WHERE log = ?${s.sql} ORDER BY process`)
    .pluck()
    .all(log, ...s.params) as string[];
}

/** Durations (seconds) of the finished cases, ascending, and the count of open cases, in a scope. */
export function readCaseDurations(sqlite: Database.Database, log: string, scope: string): { finished: Float64Array; open: number } {
  const s = scopeSql(scope);
  const finished = sqlite
    .prepare(`SELECT duration_seconds FROM cases WHERE log = ? AND open = 0${s.sql} ORDER BY duration_seconds`)
    .pluck()
    .all(log, ...s.params) as number[];
  const open = sqlite
    .prepare(`SELECT count(*) FROM cases WHERE log = ? AND open = 1${s.sql}`)
    .pluck()
    .get(log, ...s.params) as number;
  return { finished: Float64Array.from(finished), open };
}

/** Cases and events per month (of case start) and jobcenter, in a scope. */
export function readPeriods(
  sqlite: Database.Database,
  log: string,
  scope: string,
): { period: string; jobcenter: string; cases: number; events: number; openCases: number; sumSeconds: number }[] {
  const s = scopeSql(scope);
  return sqlite
    .prepare(
      `SELECT period, jobcenter, sum(cases) AS cases, sum(events) AS events, sum(open_cases) AS openCases, sum(sum_seconds) AS sumSeconds
       FROM periods WHERE log = ?${s.sql} GROUP BY period, jobcenter ORDER BY period, jobcenter`,
    )
    .all(log, ...s.params) as { period: string; jobcenter: string; cases: number; events: number; openCases: number; sumSeconds: number }[];
}

/** The data quality of a load, as the report shows it. */
export interface LoadQuality {
  version: number;
  files: string[];
  rowsRead: number;
  rowsAccepted: number;
  rowsDuplicates: number;
  rowsQuarantined: number;
  quarantinedByReason: Record<string, number>;
  firstTimestamp: number | null;
  lastTimestamp: number | null;
  finishedAt: number | null;
}

/** The stored load that made the current version of a log, or null. */
export function readCurrentLoad(sqlite: Database.Database, log: string): LoadQuality | null {
  const row = sqlite
    .prepare(
      `SELECT version, files, rows_read AS rowsRead, rows_accepted AS rowsAccepted, rows_duplicates AS rowsDuplicates, rows_quarantined AS rowsQuarantined,
        quarantined_by_reason AS reasons, first_timestamp AS firstTimestamp, last_timestamp AS lastTimestamp, finished_at AS finishedAt
       FROM loads WHERE log = ? AND status = 'stored' AND version = (SELECT current_version FROM logs WHERE name = ?) ORDER BY id DESC LIMIT 1`,
    )
    .get(log, log) as (Omit<LoadQuality, 'files' | 'quarantinedByReason'> & { files: string; reasons: string }) | undefined;
  if (!row) return null;
  const { files, reasons, ...rest } = row;
  return { ...rest, files: JSON.parse(files) as string[], quarantinedByReason: JSON.parse(reasons) as Record<string, number> };
}

import type Database from 'better-sqlite3';
import { BUCKET_COLUMNS, FINE_COUNT_COLUMNS, FINE_SECONDS_COLUMNS, type StepRow } from '@sagsflow/shared';
import { quoteIdent, type SqlFragment } from './sql/fragment';

/**
 * The filtered rows of a step table (`steps` or `viewer_steps`) summed per variant step: the
 * rows `aggregateSteps` rebuilds the map and the variants from, in variant then step order.
 */
export function stepRows(sqlite: Database.Database, table: string, where: SqlFragment): StepRow[] {
  const sums = [...BUCKET_COLUMNS, ...FINE_COUNT_COLUMNS, ...FINE_SECONDS_COLUMNS].map((h) => `sum("${h}") AS "${h}"`).join(', ');
  const sql =
    `SELECT variant_key, step_index, from_activity, to_activity, sum(cases) AS cases, sum(sum_seconds) AS sum_seconds, ${sums},` +
    ` max(variant_rank) AS variant_rank, min(finished) AS finished` +
    ` FROM ${quoteIdent(table)}${where.sql} GROUP BY variant_key, step_index, from_activity, to_activity ORDER BY variant_key, step_index`;
  const rows = sqlite.prepare(sql).all(...where.params) as Record<string, number | string>[];
  return rows.map((r) => ({
    variantKey: r['variant_key'] as string,
    stepIndex: r['step_index'] as number,
    from: r['from_activity'] as string,
    to: r['to_activity'] as string,
    cases: r['cases'] as number,
    sumSeconds: r['sum_seconds'] as number,
    histogram: BUCKET_COLUMNS.map((h) => r[h] as number),
    fine: { counts: FINE_COUNT_COLUMNS.map((d) => r[d] as number), seconds: FINE_SECONDS_COLUMNS.map((s) => r[s] as number) },
    variantRank: r['variant_rank'] as number,
    finished: r['finished'] === 1,
  }));
}

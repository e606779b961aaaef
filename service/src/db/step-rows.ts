import type Database from 'better-sqlite3';
import {
  aggregateSteps,
  BUCKET_COLUMNS,
  FINE_COUNT_COLUMNS,
  FINE_SECONDS_COLUMNS,
  STEP_END,
  type AggregatedSteps,
  type FineHistogram,
  type StepRow,
} from '@sagsflow/shared';
import { quoteIdent, type SqlFragment } from './sql/fragment';

const FINE_COLUMNS = [...FINE_COUNT_COLUMNS, ...FINE_SECONDS_COLUMNS];
const sums = (columns: readonly string[]) => columns.map((h) => `sum(${quoteIdent(h)}) AS ${quoteIdent(h)}`).join(', ');
const fineOf = (r: Record<string, number>): FineHistogram => ({
  counts: FINE_COUNT_COLUMNS.map((d) => r[d]!),
  seconds: FINE_SECONDS_COLUMNS.map((s) => r[s]!),
});

/** `where` (a WHERE clause or empty) with one more condition. */
function andWhere(where: SqlFragment, sql: string, params: unknown[]): SqlFragment {
  return { sql: `${where.sql ? `${where.sql} AND` : ' WHERE'} ${sql}`, params: [...where.params, ...params] };
}

/**
 * The process map and variants of the filtered rows of a step table (`steps` or
 * `viewer_steps`), set-based: SQLite sums the additive columns in three narrow GROUP BYs
 * instead of returning all ~175 histogram sums for every variant step:
 * 1. per variant step: cases, seconds, rank, finished (the variants' structure, edge counts);
 * 2. per edge (not into END): the coarse and fine duration histograms;
 * 3. per variant, END rows only: the fine case-duration histogram.
 * `aggregateSteps` builds the map and variants from (1) with (3) on the END rows, and the
 * edges take their histograms from (2): the same figures as summing every column per variant step.
 */
export function aggregateStepTable(sqlite: Database.Database, table: string, where: SqlFragment): AggregatedSteps {
  const t = quoteIdent(table);
  const lean = sqlite
    .prepare(
      'SELECT variant_key AS variantKey, step_index AS stepIndex, from_activity AS "from", to_activity AS "to",' +
        ' sum(cases) AS cases, sum(sum_seconds) AS sumSeconds, max(variant_rank) AS variantRank, min(finished) AS finished' +
        ` FROM ${t}${where.sql} GROUP BY variant_key, step_index, from_activity, to_activity ORDER BY variant_key, step_index`,
    )
    .all(...where.params) as (Omit<StepRow, 'finished' | 'histogram'> & { finished: number })[];
  const endWhere = andWhere(where, 'to_activity = ?', [STEP_END]);
  const caseDurations = new Map(
    (
      sqlite
        .prepare(`SELECT variant_key, ${sums(FINE_COLUMNS)} FROM ${t}${endWhere.sql} GROUP BY variant_key`)
        .all(...endWhere.params) as Record<string, number>[]
    ).map((r) => [r['variant_key'] as unknown as string, fineOf(r)]),
  );
  const edgeWhere = andWhere(where, 'to_activity <> ?', [STEP_END]);
  const edgeHistograms = new Map(
    (
      sqlite
        .prepare(
          `SELECT from_activity, to_activity, ${sums([...BUCKET_COLUMNS, ...FINE_COLUMNS])} FROM ${t}${edgeWhere.sql}` +
            ' GROUP BY from_activity, to_activity',
        )
        .all(...edgeWhere.params) as Record<string, number>[]
    ).map((r) => [
      JSON.stringify([r['from_activity'], r['to_activity']]),
      { histogram: BUCKET_COLUMNS.map((h) => r[h]!), fine: fineOf(r) },
    ]),
  );
  const rows: StepRow[] = lean.map((r) => {
    const row: StepRow = { ...r, histogram: [], finished: r.finished === 1 };
    if (r.to === STEP_END) row.fine = caseDurations.get(r.variantKey);
    return row;
  });
  const out = aggregateSteps(rows);
  for (const edge of out.map.edges) {
    const h = edgeHistograms.get(JSON.stringify([edge.from, edge.to]));
    if (!h) continue;
    edge.histogram = h.histogram;
    edge.fine = h.fine;
  }
  return out;
}

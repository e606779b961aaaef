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
import { cachedStatement } from './sql/statement-cache';

const FINE_COLUMNS = [...FINE_COUNT_COLUMNS, ...FINE_SECONDS_COLUMNS];
const sums = (columns: readonly string[]) => columns.map((h) => `sum(${quoteIdent(h)})`).join(', ');
/** The fine histogram of a raw row whose fine count and seconds sums start at column `at`. */
const fineAt = (r: unknown[], at: number): FineHistogram => ({
  counts: r.slice(at, at + FINE_COUNT_COLUMNS.length) as number[],
  seconds: r.slice(at + FINE_COUNT_COLUMNS.length, at + FINE_COLUMNS.length) as number[],
});
/** What END rows carry when their case durations are not read (the map's edges into END only count them). */
const NO_CASE_DURATIONS: FineHistogram = {
  counts: FINE_COUNT_COLUMNS.map(() => 0),
  seconds: FINE_SECONDS_COLUMNS.map(() => 0),
};

/** `where` (a WHERE clause or empty) with one more condition. */
function andWhere(where: SqlFragment, sql: string, params: unknown[]): SqlFragment {
  return { sql: `${where.sql ? `${where.sql} AND` : ' WHERE'} ${sql}`, params: [...where.params, ...params] };
}

/** What of the step table an aggregation reads besides the variant steps. */
interface StepParts {
  /** The fine case-duration histogram per variant (END rows): variants' medians and p90s. */
  caseDurations: boolean;
  /** The coarse and fine duration histograms per edge: the map's medians. */
  edgeHistograms: boolean;
}

/**
 * The process map and variants of the filtered rows of a step table (`steps` or
 * `viewer_steps`), set-based: SQLite sums the additive columns in narrow GROUP BYs instead of
 * returning all ~175 histogram sums for every variant step:
 * 1. per variant step: cases, seconds, rank, finished (the variants' structure, edge counts);
 * 2. per edge (not into END): the coarse and fine duration histograms;
 * 3. per variant, END rows only: the fine case-duration histogram.
 * `aggregateSteps` builds the map and variants from (1) with (3) on the END rows, and the
 * edges take their histograms from (2): the same figures as summing every column per variant step.
 */
export function aggregateStepTable(sqlite: Database.Database, table: string, where: SqlFragment): AggregatedSteps {
  return aggregate(sqlite, table, where, { caseDurations: true, edgeHistograms: true });
}

/** One variant step of a step aggregation: the additive columns summed, `variant_rank` max-ed, `finished` min-ed. */
export interface StepSum extends Pick<StepRow, 'variantKey' | 'stepIndex' | 'from' | 'to' | 'cases' | 'sumSeconds'> {
  variantRank: number | null;
  finished: number | null;
}

/** The coarse and fine duration histograms of one edge. */
export interface EdgeHistograms {
  histogram: number[];
  fine: FineHistogram;
}

/** What a step aggregation reads of some rows before `aggregateSteps` (the three GROUP BYs of `aggregateStepTable`). */
export interface StepSums {
  /** Per variant step, by variant key then step index. */
  steps: StepSum[];
  /** The fine case-duration histogram per variant (END rows); null when not read. */
  caseDurations: Map<string, FineHistogram> | null;
  /** The duration histograms per edge (not into END), keyed by `edgeKey`; null when not read. */
  edgeHistograms: Map<string, EdgeHistograms> | null;
}

/** The key of an edge in `StepSums.edgeHistograms`. */
export function edgeKey(from: string, to: string): string {
  return JSON.stringify([from, to]);
}

function aggregate(sqlite: Database.Database, table: string, where: SqlFragment, parts: StepParts): AggregatedSteps {
  return aggregateStepSums({
    steps: readStepSums(sqlite, table, where),
    caseDurations: parts.caseDurations ? readCaseDurations(sqlite, table, where) : null,
    edgeHistograms: parts.edgeHistograms ? readEdgeHistograms(sqlite, table, where) : null,
  });
}

/**
 * The map and variants of summed step rows: `aggregateSteps` over the variant steps, the END
 * rows carrying the case durations (when read) and the edges their histograms (when read).
 */
export function aggregateStepSums(sums: StepSums): AggregatedSteps {
  const { caseDurations, edgeHistograms } = sums;
  const rows: StepRow[] = sums.steps.map(({ variantKey, stepIndex, from, to, cases, sumSeconds, variantRank, finished }) => {
    const row: StepRow = { variantKey, stepIndex, from, to, cases, sumSeconds, histogram: [], finished: finished === 1 };
    if (variantRank !== null) row.variantRank = variantRank;
    if (to === STEP_END) row.fine = caseDurations ? caseDurations.get(variantKey) : NO_CASE_DURATIONS;
    return row;
  });
  const out = aggregateSteps(rows);
  if (!edgeHistograms) return out;
  for (const edge of out.map.edges) {
    const h = edgeHistograms.get(edgeKey(edge.from, edge.to));
    if (!h) continue;
    edge.histogram = h.histogram;
    edge.fine = h.fine;
  }
  return out;
}

/** The filtered rows of a step table summed per variant step, by variant key then step index. */
export function readStepSums(sqlite: Database.Database, table: string, where: SqlFragment): StepSum[] {
  const rows = cachedStatement(
    sqlite,
    'SELECT variant_key, step_index, from_activity, to_activity, sum(cases), sum(sum_seconds), max(variant_rank), min(finished)' +
      ` FROM ${quoteIdent(table)}${where.sql} GROUP BY variant_key, step_index, from_activity, to_activity ORDER BY variant_key, step_index`,
  )
    .raw(true)
    .all(...where.params) as [string, number, string, string, number, number, number | null, number | null][];
  return rows.map(([variantKey, stepIndex, from, to, cases, sumSeconds, variantRank, finished]) => ({
    variantKey,
    stepIndex,
    from,
    to,
    cases,
    sumSeconds,
    variantRank,
    finished,
  }));
}

/** The fine case-duration histogram per variant, summed over the filtered END rows of a step table. */
export function readCaseDurations(sqlite: Database.Database, table: string, where: SqlFragment): Map<string, FineHistogram> {
  const endWhere = andWhere(where, 'to_activity = ?', [STEP_END]);
  const rows = cachedStatement(
    sqlite,
    `SELECT variant_key, ${sums(FINE_COLUMNS)} FROM ${quoteIdent(table)}${endWhere.sql} GROUP BY variant_key`,
  )
    .raw(true)
    .all(...endWhere.params) as unknown[][];
  return new Map(rows.map((r) => [r[0] as string, fineAt(r, 1)]));
}

/** The coarse and fine duration histograms per edge (not into END) of the filtered rows of a step table. */
export function readEdgeHistograms(sqlite: Database.Database, table: string, where: SqlFragment): Map<string, EdgeHistograms> {
  const edgeWhere = andWhere(where, 'to_activity <> ?', [STEP_END]);
  const rows = cachedStatement(
    sqlite,
    `SELECT from_activity, to_activity, ${sums([...BUCKET_COLUMNS, ...FINE_COLUMNS])} FROM ${quoteIdent(table)}${edgeWhere.sql}` +
      ' GROUP BY from_activity, to_activity',
  )
    .raw(true)
    .all(...edgeWhere.params) as unknown[][];
  const coarse = BUCKET_COLUMNS.length;
  return new Map(
    rows.map((r) => [
      edgeKey(r[0] as string, r[1] as string),
      { histogram: r.slice(2, 2 + coarse) as number[], fine: fineAt(r, 2 + coarse) },
    ]),
  );
}

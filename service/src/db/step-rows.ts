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

/**
 * The process map (and case count) of the filtered step rows: `aggregateStepTable` without the
 * case-duration histograms (3), which the map does not show. Its `variants` carry no durations.
 */
export function stepTableMap(sqlite: Database.Database, table: string, where: SqlFragment): Pick<AggregatedSteps, 'map' | 'cases'> {
  const { map, cases } = aggregate(sqlite, table, where, { caseDurations: false, edgeHistograms: true });
  return { map, cases };
}

/**
 * The variants (and case count) of the filtered step rows: `aggregateStepTable` without the
 * edges' duration histograms (2), which no variant figure uses.
 */
export function stepTableVariants(
  sqlite: Database.Database,
  table: string,
  where: SqlFragment,
): Pick<AggregatedSteps, 'variants' | 'cases'> {
  const { variants, cases } = aggregate(sqlite, table, where, { caseDurations: true, edgeHistograms: false });
  return { variants, cases };
}

function aggregate(sqlite: Database.Database, table: string, where: SqlFragment, parts: StepParts): AggregatedSteps {
  const t = quoteIdent(table);
  const lean = sqlite
    .prepare(
      'SELECT variant_key, step_index, from_activity, to_activity, sum(cases), sum(sum_seconds), max(variant_rank), min(finished)' +
        ` FROM ${t}${where.sql} GROUP BY variant_key, step_index, from_activity, to_activity ORDER BY variant_key, step_index`,
    )
    .raw(true)
    .all(...where.params) as [string, number, string, string, number, number, number | null, number | null][];
  const caseDurations = parts.caseDurations ? readCaseDurations(sqlite, t, where) : null;
  const rows: StepRow[] = lean.map(([variantKey, stepIndex, from, to, cases, sumSeconds, variantRank, finished]) => {
    const row: StepRow = { variantKey, stepIndex, from, to, cases, sumSeconds, histogram: [], finished: finished === 1 };
    if (variantRank !== null) row.variantRank = variantRank;
    if (to === STEP_END) row.fine = caseDurations ? caseDurations.get(variantKey) : NO_CASE_DURATIONS;
    return row;
  });
  const out = aggregateSteps(rows);
  if (!parts.edgeHistograms) return out;
  const edgeHistograms = readEdgeHistograms(sqlite, t, where);
  for (const edge of out.map.edges) {
    const h = edgeHistograms.get(JSON.stringify([edge.from, edge.to]));
    if (!h) continue;
    edge.histogram = h.histogram;
    edge.fine = h.fine;
  }
  return out;
}

/** The fine case-duration histogram per variant, summed over its END rows. */
function readCaseDurations(sqlite: Database.Database, t: string, where: SqlFragment): Map<string, FineHistogram> {
  const endWhere = andWhere(where, 'to_activity = ?', [STEP_END]);
  const rows = sqlite
    .prepare(`SELECT variant_key, ${sums(FINE_COLUMNS)} FROM ${t}${endWhere.sql} GROUP BY variant_key`)
    .raw(true)
    .all(...endWhere.params) as unknown[][];
  return new Map(rows.map((r) => [r[0] as string, fineAt(r, 1)]));
}

/** The coarse and fine duration histograms per edge (not into END), keyed by `JSON.stringify([from, to])`. */
function readEdgeHistograms(
  sqlite: Database.Database,
  t: string,
  where: SqlFragment,
): Map<string, { histogram: number[]; fine: FineHistogram }> {
  const edgeWhere = andWhere(where, 'to_activity <> ?', [STEP_END]);
  const rows = sqlite
    .prepare(
      `SELECT from_activity, to_activity, ${sums([...BUCKET_COLUMNS, ...FINE_COLUMNS])} FROM ${t}${edgeWhere.sql} GROUP BY from_activity, to_activity`,
    )
    .raw(true)
    .all(...edgeWhere.params) as unknown[][];
  const coarse = BUCKET_COLUMNS.length;
  return new Map(
    rows.map((r) => [JSON.stringify([r[0], r[1]]), { histogram: r.slice(2, 2 + coarse) as number[], fine: fineAt(r, 2 + coarse) }]),
  );
}

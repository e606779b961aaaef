import type Database from 'better-sqlite3';
import {
  BUCKET_COLUMNS,
  FINE_BUCKET_COUNT,
  FINE_COUNT_COLUMNS,
  FINE_SECONDS_COLUMNS,
  type FineHistogram,
  type StepRow,
} from '@sagsflow/shared';
import { createBatchInserter, type BatchInserter, type SqlValue } from '../db/batch-insert';
import { HISTOGRAM_BLOCKS } from '../db/histogram-blocks';
import { createSparseInserter, type SparseInserter } from '../db/sparse-insert';

const GRAIN = ['process', 'jobcenter', 'period'];

const COLUMNS = {
  steps: [
    ...GRAIN,
    'variant_key',
    'step_index',
    'from_activity',
    'to_activity',
    'cases',
    'sum_seconds',
    ...BUCKET_COLUMNS,
    ...FINE_COUNT_COLUMNS,
    ...FINE_SECONDS_COLUMNS,
    'variant_rank',
    'finished',
  ],
  cases: [...GRAIN, 'case_id', 'start', 'end', 'duration_seconds', 'events', 'variant_key', 'open', 'attributes'],
  variants: [...GRAIN, 'variant_key', 'activities', 'activities_json', 'length', 'cases', 'sum_seconds', 'variant_rank', 'finished'],
  activities: [
    ...GRAIN,
    'activity',
    'events',
    'cases',
    'repeats',
    'self_loops',
    'instances',
    'sum_processing_seconds',
    'sum_waiting_seconds',
  ],
  edges: [
    ...GRAIN,
    'from_activity',
    'to_activity',
    'transitions',
    'cases',
    'sum_seconds',
    ...BUCKET_COLUMNS,
    ...FINE_COUNT_COLUMNS,
    ...FINE_SECONDS_COLUMNS,
  ],
  jobcenters: ['process', 'jobcenter', 'cases', 'events'],
  periods: [...GRAIN, 'cases', 'events', 'open_cases', 'sum_seconds'],
} as const;

/** The histogram columns of the step and edge tables (`NOT NULL DEFAULT 0`, nearly all 0 in a row): written sparsely. */
const HISTOGRAM_COLUMNS: ReadonlySet<string> = new Set([...BUCKET_COLUMNS, ...FINE_COUNT_COLUMNS, ...FINE_SECONDS_COLUMNS]);

/** The model tables precompute writes. */
export type ModelTable = keyof typeof COLUMNS;

export const MODEL_TABLES = Object.keys(COLUMNS) as ModelTable[];

/** Rows written per model table. */
export type ModelSummary = Record<ModelTable, number>;

/** The cell (process, jobcenter, period) a step row belongs to. */
export interface StepCell {
  readonly process: SqlValue;
  readonly jobcenter: SqlValue;
  readonly period: SqlValue;
}

/** The values of one step row that `addStepRow` stores. */
export interface StepRowValues extends Readonly<Pick<StepRow, 'variantKey' | 'stepIndex' | 'from' | 'to' | 'cases' | 'sumSeconds'>> {
  readonly histogram: ArrayLike<number>;
  readonly fine?: FineHistogram | null;
  /** The fine buckets that are not 0, when known (a streamed row's `fineBuckets`): only those are copied. */
  readonly fineBuckets?: readonly number[] | undefined;
}

/** The tables whose rows hold the coarse and fine histograms (see `addHistogramRow`). */
export type HistogramTable = 'steps' | 'edges';

/** Told of each step row `addStepRow` wrote: its cell, its values and the id it got. */
export type StepRowListener = (cell: StepCell, row: StepRowValues, id: number) => void;

/**
 * Writes model rows of one (log, version) in batches: `add(table, values)` takes the values
 * after `log, version`, in the order of the table's columns above. Call `finish` to flush.
 * `prefix` writes the same columns into `<prefix><table>` (the viewer-grade model: `viewer_`).
 * `onStepRow`, when given, hears of every step row written, with its id.
 */
export function createModelWriter(sqlite: Database.Database, log: string, version: number, prefix = '', onStepRow?: StepRowListener) {
  const inserters = new Map<ModelTable, BatchInserter>();
  const sparseOf = (table: HistogramTable): SparseInserter =>
    createSparseInserter(sqlite, prefix + table, COLUMNS[table], {
      zeroDefault: HISTOGRAM_COLUMNS,
      blocks: HISTOGRAM_BLOCKS,
      constants: { log, version },
    });
  let stepsInserter: SparseInserter | undefined;
  const inserterOf = (table: ModelTable): BatchInserter => {
    let ins = inserters.get(table);
    if (!ins) {
      if (table === 'steps') ins = stepsInserter = sparseOf(table);
      else if (table === 'edges') ins = sparseOf(table);
      else ins = createBatchInserter(sqlite, prefix + table, COLUMNS[table], { constants: { log, version } });
      inserters.set(table, ins);
    }
    return ins;
  };
  const stepHead: SqlValue[] = new Array<SqlValue>(9);
  const stepTail: SqlValue[] = [0, 0];
  /** Per table: the row buffers, and the fine buckets the last row set from its `fineBuckets` (null: it copied all). */
  const splitRows = new Map<HistogramTable, { dense: SqlValue[]; zeros: Float64Array; listed: number[] | null }>();
  /**
   * Writes one step or edge row: the `head` values, the coarse histogram, the fine counts, the
   * fine seconds, then the `tail` values (the table's column order). The histograms are copied
   * into one typed array kept per table (`addSplit` of the sparse inserter), so a wide row costs
   * no allocation of its own. Given `fineBuckets` (the fine buckets that are not 0), only those
   * are copied, after the buckets the last row set are put back to 0.
   */
  const addHistogramRow = (
    table: HistogramTable,
    head: readonly SqlValue[],
    histogram: ArrayLike<number>,
    fine: FineHistogram,
    tail: readonly SqlValue[],
    fineBuckets?: readonly number[],
  ): void => {
    let row = splitRows.get(table);
    if (!row) {
      const zeros = COLUMNS[table].filter((c) => HISTOGRAM_COLUMNS.has(c)).length;
      row = { dense: new Array<SqlValue>(COLUMNS[table].length - zeros).fill(null), zeros: new Float64Array(zeros), listed: null };
      splitRows.set(table, row);
    }
    const { dense, zeros } = row;
    if (head.length + tail.length !== dense.length || histogram.length + 2 * FINE_BUCKET_COUNT !== zeros.length) {
      throw new Error(
        `addHistogramRow(${prefix}${table}): expected ${dense.length + zeros.length} values, got ${head.length + histogram.length + 2 * FINE_BUCKET_COUNT + tail.length}`,
      );
    }
    let i = 0;
    for (let j = 0; j < head.length; j++) dense[i++] = head[j]!;
    for (let j = 0; j < tail.length; j++) dense[i++] = tail[j]!;
    zeros.set(histogram as ArrayLike<number>, 0);
    const counts = histogram.length;
    const seconds = counts + FINE_BUCKET_COUNT;
    if (fineBuckets === undefined) {
      zeros.set(fine.counts, counts);
      zeros.set(fine.seconds, seconds);
      row.listed = null;
    } else {
      const listed = row.listed;
      if (listed === null) zeros.fill(0, counts);
      else for (const b of listed) zeros[counts + b] = zeros[seconds + b] = 0;
      for (const b of fineBuckets) {
        zeros[counts + b] = fine.counts[b]!;
        zeros[seconds + b] = fine.seconds[b]!;
      }
      if (listed === null) row.listed = [...fineBuckets];
      else {
        listed.length = 0;
        for (const b of fineBuckets) listed.push(b);
      }
    }
    (inserterOf(table) as SparseInserter).addSplit(dense, zeros);
  };
  return {
    add(table: ModelTable, values: readonly SqlValue[]): void {
      inserterOf(table).add(values);
    },
    addHistogramRow,
    /**
     * Writes one step row of `cell`: its cell, variant and step, the histograms, and on a
     * variant's first step the `firstStep` values (rank, finished share), as `addHistogramRow`.
     */
    addStepRow<R extends StepRowValues>(cell: StepCell, r: R, firstStep: (r: R) => readonly [number, number]): void {
      stepHead[0] = cell.process;
      stepHead[1] = cell.jobcenter;
      stepHead[2] = cell.period;
      stepHead[3] = r.variantKey;
      stepHead[4] = r.stepIndex;
      stepHead[5] = r.from;
      stepHead[6] = r.to;
      stepHead[7] = r.cases;
      stepHead[8] = r.sumSeconds;
      if (r.stepIndex === 0) [stepTail[0], stepTail[1]] = firstStep(r);
      addHistogramRow('steps', stepHead, r.histogram, r.fine!, stepTail, r.fineBuckets);
      if (onStepRow) onStepRow(cell, r, stepsInserter!.lastRowid);
    },
    finish(): ModelSummary {
      const summary = {} as ModelSummary;
      for (const table of Object.keys(COLUMNS) as ModelTable[]) {
        const ins = inserters.get(table);
        ins?.flush();
        summary[table] = ins?.written ?? 0;
      }
      return summary;
    },
  };
}

export type ModelWriter = ReturnType<typeof createModelWriter>;

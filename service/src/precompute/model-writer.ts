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

/** The text columns of the model tables: each takes a string or its UTF-8 bytes (see `SplitRowWriter`). */
const TEXT_COLUMNS: readonly string[] = [
  ...GRAIN,
  'case_id',
  'variant_key',
  'attributes',
  'activities',
  'activities_json',
  'activity',
  'from_activity',
  'to_activity',
];

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
  /** The coarse buckets that are not 0, when known (a streamed row's `histogramBuckets`). */
  readonly histogramBuckets?: readonly number[] | undefined;
}

/** The tables whose rows hold the coarse and fine histograms (see `addHistogramRow`). */
export type HistogramTable = 'steps' | 'edges';

/**
 * Told of each step row written: its values before the histograms (process, jobcenter, period,
 * variant key, step index, from, to, cases, seconds), the id it got, and the `findings` value it
 * was written with when `StepFindingsOf` gave one. Read `head` at once: it is reused for the next row.
 */
export type StepRowListener = (head: readonly SqlValue[], id: number, listed: string | null | undefined) => void;

/**
 * Asked before a variant's step 0 is written (`head` as `StepRowListener` has it): the `findings`
 * text to write with the row, null for none, or undefined when not known yet (the row is written
 * without it, and its findings are set after: `writeStepFindings`).
 */
export type StepFindingsOf = (head: readonly SqlValue[]) => string | null | undefined;

/**
 * Where model rows go: the SQLite writer of this module (`createModelWriter`), or the encoder of
 * the model worker (`createRowEncoder`), whose batches the loading thread replays into the
 * SQLite writer. The model's rows are computed once, against this interface.
 */
export interface ModelRows {
  /** One row of `table`: the values after `log, version`, in the order of the table's columns. */
  add(table: ModelTable, values: readonly SqlValue[]): void;
  /**
   * One step or edge row: the `head` values, the coarse histogram, the fine counts, the fine
   * seconds, then the `tail` values (the table's column order). Given `fineBuckets` (the fine
   * buckets that are not 0), only those of `fine` are read; given `histogramBuckets` (the coarse
   * buckets that are not 0), a writer may read only those of `histogram`.
   */
  addHistogramRow(
    table: HistogramTable,
    head: readonly SqlValue[],
    histogram: ArrayLike<number>,
    fine: FineHistogram,
    tail: readonly SqlValue[],
    fineBuckets?: readonly number[],
    histogramBuckets?: readonly number[],
  ): void;
  /**
   * One step row of `cell`: its cell, variant and step, the histograms, and on a variant's first
   * step the `firstStep` values (rank, finished share), kept for the variant's later steps.
   */
  addStepRow<R extends StepRowValues>(cell: StepCell, r: R, firstStep: (r: R) => readonly [number, number]): void;
}

/**
 * Writes model rows as the model worker's batches hold them (`createRowReplay`): plain rows as
 * `add` takes them, and step and edge rows split as the sparse inserter takes them: `dense` the
 * head then the tail values, `zeros` the coarse histogram, the fine counts and the fine seconds
 * (widths in `splitWidths`). A text value may be given as its UTF-8 bytes (a `Uint8Array`), in
 * `add`'s values and in `bound`: the stored text is the same. `nonZero` lists the positions of
 * `zeros` that may be non-zero; `bound` is `dense` with text as bytes, written in its place
 * (`dense` itself is what the step-row listener hears). The arrays are read at once.
 */
export interface SplitRowWriter {
  add(table: ModelTable, values: readonly SqlValue[]): void;
  addSplitRow(
    table: HistogramTable,
    dense: readonly SqlValue[],
    zeros: Float64Array,
    nonZero?: ArrayLike<number>,
    bound?: readonly SqlValue[],
  ): void;
}

/** The lengths of a split step or edge row (`SplitRowWriter.addSplitRow`). */
export function splitWidths(table: HistogramTable): { dense: number; zeros: number } {
  const zeros = COLUMNS[table].filter((c) => HISTOGRAM_COLUMNS.has(c)).length;
  return { dense: COLUMNS[table].length - zeros, zeros };
}

/** `addStepRow` over an `addHistogramRow` (one per writer: it keeps the head and tail it fills). */
export function stepRowAdder(addHistogramRow: ModelRows['addHistogramRow']): ModelRows['addStepRow'] {
  const stepHead: SqlValue[] = new Array<SqlValue>(9);
  const stepTail: SqlValue[] = [0, 0];
  return (cell, r, firstStep) => {
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
    addHistogramRow('steps', stepHead, r.histogram, r.fine!, stepTail, r.fineBuckets, r.histogramBuckets);
  };
}

/**
 * Writes model rows of one (log, version) in batches: `add(table, values)` takes the values
 * after `log, version`, in the order of the table's columns above. Call `finish` to flush.
 * `prefix` writes the same columns into `<prefix><table>` (the viewer-grade model: `viewer_`).
 * `onStepRow`, when given, hears of every step row written, with its id; `findingsOf`, when given,
 * is asked for the `findings` text of each step 0 (a text is bound as its UTF-8 bytes, encoded once).
 */
export function createModelWriter(
  sqlite: Database.Database,
  log: string,
  version: number,
  prefix = '',
  onStepRow?: StepRowListener,
  findingsOf?: StepFindingsOf,
) {
  const inserters = new Map<ModelTable, BatchInserter>();
  const sparseOf = (table: HistogramTable): SparseInserter =>
    createSparseInserter(sqlite, prefix + table, COLUMNS[table], {
      zeroDefault: HISTOGRAM_COLUMNS,
      blocks: HISTOGRAM_BLOCKS,
      constants: { log, version },
      textColumns: [...TEXT_COLUMNS, 'findings'],
      ...(table === 'steps' ? { extraColumn: 'findings' } : {}),
    });
  /** The UTF-8 bytes of each `findings` text written (a few dozen distinct texts, each on many rows). */
  const findingsBytes = new Map<string, Buffer>();
  let stepsInserter: SparseInserter | undefined;
  const inserterOf = (table: ModelTable): BatchInserter => {
    let ins = inserters.get(table);
    if (!ins) {
      if (table === 'steps') ins = stepsInserter = sparseOf(table);
      else if (table === 'edges') ins = sparseOf(table);
      else ins = createBatchInserter(sqlite, prefix + table, COLUMNS[table], { constants: { log, version }, textColumns: TEXT_COLUMNS });
      inserters.set(table, ins);
    }
    return ins;
  };
  /** Per table: the row buffers, and the fine buckets the last row set from its `fineBuckets` (null: it copied all). */
  const splitRows = new Map<HistogramTable, { dense: SqlValue[]; zeros: Float64Array; listed: number[] | null }>();
  /**
   * Writes one step or edge row (`ModelRows.addHistogramRow`). The histograms are copied
   * into one typed array kept per table (`addSplit` of the sparse inserter), so a wide row costs
   * no allocation of its own. Given `fineBuckets` (the fine buckets that are not 0), only those
   * are copied, after the buckets the last row set are put back to 0.
   */
  const addHistogramRow: ModelRows['addHistogramRow'] = (table, head, histogram, fine, tail, fineBuckets) => {
    let row = splitRows.get(table);
    if (!row) {
      const widths = splitWidths(table);
      row = { dense: new Array<SqlValue>(widths.dense).fill(null), zeros: new Float64Array(widths.zeros), listed: null };
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
    addSplitRow(table, dense, zeros);
  };
  /** Writes one step or edge row given split (see `SplitRowWriter`). */
  const addSplitRow: SplitRowWriter['addSplitRow'] = (table, dense, zeros, nonZero, bound) => {
    let listed: string | null | undefined;
    let extra: Buffer | undefined;
    // dense[4] is the step index.
    if (findingsOf !== undefined && table === 'steps' && dense[4] === 0) {
      listed = findingsOf(dense);
      if (listed) extra = findingsBytes.get(listed) ?? bytesOfFindings(listed);
    }
    (inserterOf(table) as SparseInserter).addSplit(bound ?? dense, zeros, nonZero, extra);
    if (onStepRow && table === 'steps') onStepRow(dense, stepsInserter!.lastRowid, listed);
  };
  const bytesOfFindings = (text: string): Buffer => {
    const bytes = Buffer.from(text, 'utf8');
    findingsBytes.set(text, bytes);
    return bytes;
  };
  const writer: ModelRows & SplitRowWriter & { finish(): ModelSummary } = {
    add(table: ModelTable, values: readonly SqlValue[]): void {
      inserterOf(table).add(values);
    },
    addHistogramRow,
    addStepRow: stepRowAdder(addHistogramRow),
    addSplitRow,
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
  return writer;
}

/** The SQLite writer of model rows. */
export type ModelWriter = ReturnType<typeof createModelWriter>;

import type Database from 'better-sqlite3';
import { BUCKET_COLUMNS, FINE_BUCKET_COUNT, FINE_COUNT_COLUMNS, FINE_SECONDS_COLUMNS, type FineHistogram } from '@sagsflow/shared';
import { createBatchInserter, type BatchInserter, type SqlValue } from '../db/batch-insert';
import { createSparseInserter } from '../db/sparse-insert';

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

/**
 * Writes model rows of one (log, version) in batches: `add(table, values)` takes the values
 * after `log, version`, in the order of the table's columns above. Call `finish` to flush.
 * `prefix` writes the same columns into `<prefix><table>` (the viewer-grade model: `viewer_`).
 */
export function createModelWriter(sqlite: Database.Database, log: string, version: number, prefix = '') {
  const inserters = new Map<ModelTable, BatchInserter>();
  return {
    add(table: ModelTable, values: readonly SqlValue[]): void {
      let ins = inserters.get(table);
      if (!ins) {
        ins =
          table === 'steps' || table === 'edges'
            ? createSparseInserter(sqlite, prefix + table, COLUMNS[table], { zeroDefault: HISTOGRAM_COLUMNS, constants: { log, version } })
            : createBatchInserter(sqlite, prefix + table, COLUMNS[table], { constants: { log, version } });
        inserters.set(table, ins);
      }
      ins.add(values);
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

/** Appends a fine histogram's counts, then its seconds (the `d..`, `s..` columns), to a row of values. */
export function pushFine(row: SqlValue[], fine: FineHistogram): void {
  for (let i = 0; i < FINE_BUCKET_COUNT; i++) row.push(fine.counts[i]!);
  for (let i = 0; i < FINE_BUCKET_COUNT; i++) row.push(fine.seconds[i]!);
}

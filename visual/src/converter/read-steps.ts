import type powerbi from 'powerbi-visuals-api';
import { BUCKET_COUNT, FINE_BUCKET_COUNT, STEP_START, type StepRow } from '@sagsflow/shared';
import { fineComplete, fineSlots } from './fine-columns';
import { histogramBuckets } from './histogram-columns';
import { findByRole, toNumber, toText } from './roles';
import type { DimensionColumns } from './read-dimensions';
import { newRowSources, pushSource, type RowSources } from './row-sources';

/** One data view segment of the steps mapping, read row by row. */
export interface StepsSegment {
  rows: StepRow[];
  highlightCases: number[] | null;
  sources: RowSources;
  hasDurations: boolean;
  hasHistograms: boolean;
  /** Whether the whole fine histogram (d00..d74 and s00..s74) was bound: percentiles within a few percent. */
  hasFineHistograms: boolean;
  skippedRows: number;
  /** The optional jobcenter, period and process of each row (set by `readDataView`). */
  dimensions?: DimensionColumns;
}

/**
 * Reads the categorical (steps) mapping from row `startRow` on into step rows. Returns null when a required role
 * (variant key, from, to, cases) is not bound. Rows with an empty key/activity or an
 * unreadable or negative case count are skipped and counted; rows with 0 cases are dropped
 * silently (Power BI sends them for combinations filtered to nothing).
 */
export function readStepsSegment(categorical: powerbi.DataViewCategorical, startRow = 0): StepsSegment | null {
  const categories = categorical.categories ?? [];
  const key = findByRole(categories, 'variantKey');
  const from = findByRole(categories, 'fromActivity');
  const to = findByRole(categories, 'toActivity');
  const step = findByRole(categories, 'stepIndex');
  const values = categorical.values ? Array.from(categorical.values) : [];
  const cases = findByRole(values, 'cases');
  if (!key || !from || !to || !cases) return null;
  const seconds = findByRole(values, 'sumSeconds');
  const histogramColumns = values.filter((column) => column.source.roles?.['histogram']);
  const buckets = histogramBuckets(histogramColumns);
  const fineColumns = values.filter((column) => column.source.roles?.['durations']);
  const slots = fineSlots(fineColumns);
  const hasFine = fineComplete(slots);
  const fineValues = fineColumns.map((column) => column.values);
  const fineIsCount = Uint8Array.from(slots, (s) => (s?.kind === 'counts' ? 1 : 0));
  const fineBucket = Int32Array.from(slots, (s) => (s ? s.bucket : -1));
  const insight = insightColumns(categories, values);
  const rank = findByRole(categories, 'variantRank');
  const finished = findByRole(categories, 'finished');
  const highlights = cases.highlights;
  const out: StepsSegment = {
    rows: [],
    highlightCases: highlights ? [] : null,
    sources: newRowSources(key),
    hasDurations: seconds !== undefined,
    hasHistograms: histogramColumns.length > 0 || hasFine,
    hasFineHistograms: hasFine,
    skippedRows: 0,
  };
  const positionInVariant = new Map<string, number>();
  const kept: number[] = [];
  for (let i = startRow; i < key.values.length; i++) {
    const variantKey = toText(key.values[i]);
    const fromActivity = toText(from.values[i]);
    const toActivity = toText(to.values[i]);
    const count = toNumber(cases.values[i]);
    if (!variantKey || !fromActivity || !toActivity || !(count >= 0)) {
      out.skippedRows++;
      continue;
    }
    if (count === 0) continue;
    const stepIndex = step ? toNumber(step.values[i]) : fallbackStepIndex(positionInVariant, variantKey, fromActivity);
    const sumSeconds = seconds ? toNumber(seconds.values[i]) : 0;
    const histogram = new Array<number>(BUCKET_COUNT).fill(0);
    histogramColumns.forEach((column, c) => {
      const bucket = buckets[c]!;
      const value = toNumber(column.values[i]);
      if (bucket >= 0 && value > 0) histogram[bucket]! += value;
    });
    const row: StepRow = {
      variantKey,
      stepIndex,
      from: fromActivity,
      to: toActivity,
      cases: count,
      sumSeconds: Number.isFinite(sumSeconds) ? sumSeconds : 0,
      histogram,
    };
    if (hasFine) kept.push(i);
    const rankValue = rank ? toNumber(rank.values[i]) : Number.NaN;
    if (rankValue >= 1) row.variantRank = rankValue;
    const finishedValue = finished ? toNumber(finished.values[i]) : Number.NaN;
    if (finishedValue === 0 || finishedValue === 1) row.finished = finishedValue === 1;
    readInsight(row, insight, i);
    out.rows.push(row);
    out.highlightCases?.push(Math.max(0, toNumber(highlights![i]) || 0));
    pushSource(out.sources, i);
  }
  if (hasFine) readFine(out.rows, kept, fineValues, fineIsCount, fineBucket);
  return out;
}

type InsightColumns = Record<
  (typeof INSIGHT_COUNTS)[number] | (typeof INSIGHT_TEXTS)[number],
  { values: powerbi.PrimitiveValue[] } | undefined
>;

/** The optional insight roles: counts (measures) and the texts naming them (groupings). */
const INSIGHT_COUNTS = ['violationCases', 'logMoveCases', 'modelMoveCases'] as const;
const INSIGHT_TEXTS = ['violatedRules', 'skippedActivities', 'findings'] as const;

function insightColumns(categories: powerbi.DataViewCategoryColumn[], values: powerbi.DataViewValueColumn[]): InsightColumns {
  const out = {} as InsightColumns;
  for (const role of INSIGHT_COUNTS) out[role] = findByRole(values, role);
  for (const role of INSIGHT_TEXTS) out[role] = findByRole(categories, role);
  return out;
}

/** Sets the bound insight columns of row `i` (`StepRow.violationCases`, ...): counts as numbers (bad ones 0), texts when not empty. */
function readInsight(row: StepRow, columns: InsightColumns, i: number): void {
  for (const role of INSIGHT_COUNTS) {
    const column = columns[role];
    if (column) row[role] = Math.max(0, toNumber(column.values[i]) || 0);
  }
  for (const role of INSIGHT_TEXTS) {
    const text = columns[role] ? toText(columns[role].values[i]) : '';
    if (text !== '') row[role] = text;
  }
}

/**
 * Gives each kept row its fine histogram, read column by column into one buffer (150 columns
 * of 50,000 rows read row by row would jump between arrays at every cell).
 */
function readFine(
  rows: StepRow[],
  kept: readonly number[],
  values: readonly powerbi.PrimitiveValue[][],
  isCount: Uint8Array,
  bucketOf: Int32Array,
): void {
  const F = FINE_BUCKET_COUNT;
  const buffer = new Float64Array(kept.length * 2 * F);
  for (let c = 0; c < values.length; c++) {
    const column = values[c]!;
    const bucket = bucketOf[c]!;
    if (bucket < 0) continue;
    const offset = (isCount[c] ? 0 : F) + bucket;
    for (let r = 0; r < kept.length; r++) {
      const cell = column[kept[r]!];
      if (cell === 0 || cell === null || cell === undefined) continue;
      const value = typeof cell === 'number' ? cell : toNumber(cell);
      if (value > 0) buffer[r * 2 * F + offset]! += value;
    }
  }
  for (let r = 0; r < kept.length; r++) {
    const at = r * 2 * F;
    const bytes = at * Float64Array.BYTES_PER_ELEMENT;
    rows[r]!.fine = {
      counts: new Float64Array(buffer.buffer, bytes, F),
      seconds: new Float64Array(buffer.buffer, bytes + F * Float64Array.BYTES_PER_ELEMENT, F),
    };
  }
}

/**
 * Without a bound step index the rows' order within a variant is unknown: START's row is
 * step 0 (so variant case counts stay exact) and the others are numbered as they come.
 */
function fallbackStepIndex(seen: Map<string, number>, variantKey: string, from: string): number {
  if (from === STEP_START) return 0;
  const next = (seen.get(variantKey) ?? 0) + 1;
  seen.set(variantKey, next);
  return next;
}

import { aggregateStepInsight, aggregateSteps, type AggregatedInsight, type AggregatedSteps, type StepRow } from '@sagsflow/shared';
import { NO_DIMENSIONS, type RowDimensions } from './row-dimensions';

/** Step rows made ready once per data change; slider and selection changes reuse it. */
export interface PreparedSteps {
  readonly rows: readonly StepRow[];
  /** The same rows with only their highlighted cases (zero-case rows dropped), or null. */
  readonly highlightRows: readonly StepRow[] | null;
  /** The map and variants of all rows. */
  readonly all: AggregatedSteps;
  readonly hasDurations: boolean;
  /** The optional jobcenter, period and process of each row. */
  readonly dimensions: RowDimensions;
  /** Rule-violation and deviation counts of all rows; null when no insight column is bound. */
  readonly insight: AggregatedInsight | null;
}

/** True when the rows carry insight counts (a violation or deviation column is bound). */
export function hasInsight(rows: readonly StepRow[]): boolean {
  const row = rows[0];
  return row !== undefined && (row.violationCases !== undefined || row.logMoveCases !== undefined || row.modelMoveCases !== undefined);
}

/**
 * Aggregates all rows once and derives the highlighted rows. A highlight equal to the value
 * on every row means nothing is highlighted. Throws only what `aggregateSteps` throws on
 * malformed rows (the caller turns it into a message).
 */
export function prepareSteps(
  rows: readonly StepRow[],
  highlightCases: readonly number[] | null,
  hasDurations: boolean,
  dimensions: RowDimensions = NO_DIMENSIONS,
): PreparedSteps {
  let highlightRows: StepRow[] | null = null;
  if (highlightCases && highlightCases.some((h, i) => h !== rows[i]?.cases)) {
    highlightRows = [];
    rows.forEach((row, i) => {
      const cases = highlightCases[i] ?? 0;
      if (cases <= 0) return;
      const scale = row.cases > 0 ? cases / row.cases : 0;
      const scaled: StepRow = { ...row, cases, sumSeconds: row.sumSeconds * scale, histogram: row.histogram.map((h) => h * scale) };
      if (row.fine)
        scaled.fine = { counts: Array.from(row.fine.counts, (c) => c * scale), seconds: Array.from(row.fine.seconds, (x) => x * scale) };
      highlightRows!.push(scaled);
    });
  }
  const insight = hasInsight(rows) ? aggregateStepInsight(rows) : null;
  return { rows, highlightRows, all: aggregateSteps(rows), hasDurations, dimensions, insight };
}

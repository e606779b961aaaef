import type { TableInfo } from './table-info';

/**
 * Columns of `loads` that count or date what a load read: rows, quarantined rows and their
 * reasons, cases, events, bytes (also per source file), the first and last event time, and the
 * message (a refusal names counts). A viewer could subtract them from the viewer-grade totals (cases left out of
 * the viewer model) or from another version's (cases added between two loads) and reach fewer
 * than k cases, so viewer tokens get the load history without them.
 */
export const LOAD_FIGURE_COLUMNS: ReadonlySet<string> = new Set([
  'bytes',
  'rows_read',
  'rows_accepted',
  'rows_duplicates',
  'rows_quarantined',
  'quarantined_by_reason',
  'cases',
  'events',
  'identical_events',
  'first_timestamp',
  'last_timestamp',
  'message',
  'source_files',
]);

/**
 * Columns of `findings` with figures computed on the exact cases of a scope (cases, value,
 * evidence and the sentences that quote them): one scope's minus another's, or minus the
 * viewer-grade model's, can come from fewer than k cases. Viewer tokens get what a finding is
 * and where (kind, activity or edge, rule, rank, status) without them.
 */
export const FINDING_FIGURE_COLUMNS: ReadonlySet<string> = new Set(['cases', 'value_dkk', 'evidence', 'summary_en', 'summary_da']);

/** Tables whose viewer form is the same rows without some columns, by SQL name. */
export const VIEWER_HIDDEN_COLUMNS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['loads', LOAD_FIGURE_COLUMNS],
  ['findings', FINDING_FIGURE_COLUMNS],
]);

/**
 * The viewer form of a table in `VIEWER_HIDDEN_COLUMNS`: the same rows without those columns
 * (absent from the viewer's `$metadata`, so they can be neither selected, filtered nor ordered on).
 */
export function withoutHiddenColumns(table: TableInfo, hidden: ReadonlySet<string>): TableInfo {
  return { ...table, columns: table.columns.filter((c) => !hidden.has(c.name)), viewerForm: null };
}

/** A version's lineage as a viewer token gets it: its source files without their sizes. */
export function lineageForViewers<T extends { sourceFiles: { bytes: number }[] }>(lineage: T): T {
  return { ...lineage, sourceFiles: lineage.sourceFiles.map(({ bytes: _bytes, ...file }) => file) };
}

/** The REST form of a load report for a viewer token: `loadJson` without the figures. */
export function loadJsonForViewers(load: Record<string, unknown>): Record<string, unknown> {
  const { rows: _rows, quarantinedByReason: _q, cases: _c, events: _e, firstTimestamp: _f, lastTimestamp: _l, message: _m, ...rest } = load;
  const lineage = rest['lineage'] as { sourceFiles: { bytes: number }[] } | undefined;
  return lineage ? { ...rest, lineage: lineageForViewers(lineage) } : rest;
}

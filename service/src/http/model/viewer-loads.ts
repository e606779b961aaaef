import type { TableInfo } from './table-info';

/**
 * Columns of `loads` that count or date what a load read: rows, quarantined rows and their
 * reasons, cases, events, bytes, the first and last event time, and the message (a refusal
 * names counts). A viewer could subtract them from the viewer-grade totals (cases left out of
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
]);

/**
 * The viewer form of `loads`: the same rows without `LOAD_FIGURE_COLUMNS` (absent from the
 * viewer's `$metadata`, so they can be neither selected, filtered nor ordered on).
 */
export function loadsForViewers(loads: TableInfo): TableInfo {
  return { ...loads, columns: loads.columns.filter((c) => !LOAD_FIGURE_COLUMNS.has(c.name)), viewerForm: null };
}

/** The REST form of a load report for a viewer token: `loadJson` without the figures. */
export function loadJsonForViewers(load: Record<string, unknown>): Record<string, unknown> {
  const { rows: _rows, quarantinedByReason: _q, cases: _c, events: _e, firstTimestamp: _f, lastTimestamp: _l, message: _m, ...rest } = load;
  return rest;
}

import type powerbi from 'powerbi-visuals-api';
import { newRowSources, pushSource, type RowSources } from './row-sources';
import { hasRole, toEpochMs, toText } from './roles';
import type { EventColumns } from './types';

/** One data view segment of the events mapping. */
export interface EventsSegment {
  events: EventColumns;
  sources: RowSources;
  skippedRows: number;
}

/** Column positions of the event roles in a table, or null when a required one is missing. */
export function eventColumns(
  table: powerbi.DataViewTable,
): { caseAt: number; activityAt: number; timeAt: number; resourceAt: number } | null {
  const column = (role: string) => table.columns.findIndex((c) => hasRole(c, role));
  const found = { caseAt: column('caseId'), activityAt: column('activity'), timeAt: column('timestamp'), resourceAt: column('resource') };
  return found.caseAt < 0 || found.activityAt < 0 || found.timeAt < 0 ? null : found;
}

/**
 * Reads the table (events) mapping from row `startRow` on into event columns. Returns null
 * when case, activity or timestamp is not bound. Rows with an empty case/activity or an
 * unreadable timestamp are skipped and counted.
 */
export function readEventsSegment(table: powerbi.DataViewTable, startRow = 0): EventsSegment | null {
  const at = eventColumns(table);
  if (!at) return null;
  const events: EventColumns = { caseIds: [], activities: [], timestamps: [], resources: [] };
  const out: EventsSegment = { events, sources: newRowSources(table), skippedRows: 0 };
  const rows = table.rows ?? [];
  for (let i = startRow; i < rows.length; i++) {
    const row = rows[i]!;
    const caseId = toText(row[at.caseAt]);
    const activity = toText(row[at.activityAt]);
    const timestamp = toEpochMs(row[at.timeAt]);
    if (!caseId || !activity || !Number.isFinite(timestamp)) {
      out.skippedRows++;
      continue;
    }
    events.caseIds.push(caseId);
    events.activities.push(activity);
    events.timestamps.push(timestamp);
    events.resources.push(at.resourceAt >= 0 ? toText(row[at.resourceAt]) || null : null);
    pushSource(out.sources, i);
  }
  return out;
}

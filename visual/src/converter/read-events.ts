import type powerbi from 'powerbi-visuals-api';
import type { RawEvent } from '../../../shared/src/index';
import { hasRole, toEpochMs, toText } from './roles';
import type { RowSource } from './types';

/** One data view segment of the events mapping. */
export interface EventsSegment {
  events: RawEvent[];
  sources: RowSource[];
  skippedRows: number;
}

/**
 * Reads the table (events) mapping into raw events. Returns null when case, activity or
 * timestamp is not bound. Rows with an empty case/activity or an unreadable timestamp are
 * skipped and counted.
 */
export function readEventsSegment(table: powerbi.DataViewTable): EventsSegment | null {
  const column = (role: string) => table.columns.findIndex((c) => hasRole(c, role));
  const caseAt = column('caseId');
  const activityAt = column('activity');
  const timeAt = column('timestamp');
  const resourceAt = column('resource');
  if (caseAt < 0 || activityAt < 0 || timeAt < 0) return null;
  const out: EventsSegment = { events: [], sources: [], skippedRows: 0 };
  const rows = table.rows ?? [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const caseId = toText(row[caseAt]);
    const activity = toText(row[activityAt]);
    const timestamp = toEpochMs(row[timeAt]);
    if (!caseId || !activity || !Number.isFinite(timestamp)) {
      out.skippedRows++;
      continue;
    }
    const resource = resourceAt >= 0 ? toText(row[resourceAt]) : '';
    out.events.push({ caseId, activity, timestamp, resource: resource || null });
    out.sources.push({ owner: table, index: i });
  }
  return out;
}

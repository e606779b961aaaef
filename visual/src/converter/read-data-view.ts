import type powerbi from 'powerbi-visuals-api';
import type { UiStringKey } from '../i18n';
import { eventColumns, readEventsSegment, type EventsSegment } from './read-events';
import { readDimensions } from './read-dimensions';
import { readStepsSegment, type StepsSegment } from './read-steps';
import { findByRole } from './roles';

const STEP_ROLES = [
  'variantKey',
  'stepIndex',
  'fromActivity',
  'toActivity',
  'cases',
  'sumSeconds',
  'histogram',
  'durations',
  'variantRank',
  'finished',
  'jobcenter',
  'period',
  'process',
  'violationCases',
  'violatedRules',
  'logMoveCases',
  'modelMoveCases',
  'skippedActivities',
  'findings',
];
const EVENT_ROLES = ['caseId', 'activity', 'timestamp', 'resource'];

/** One data view, read: a steps or events segment, or why there is nothing to draw. */
export type SegmentReading =
  | { kind: 'steps'; segment: StepsSegment; moreData: boolean }
  | { kind: 'events'; segment: EventsSegment; moreData: boolean }
  | { kind: 'empty'; landing: boolean; message: UiStringKey | null; moreData: false };

/** Which mapping a data view was shaped by, from the roles of its columns. */
export function dataViewKind(dataView: powerbi.DataView | undefined): 'steps' | 'events' | 'empty' {
  const columns = dataView?.metadata?.columns ?? [];
  const bound = (roles: string[]) => columns.some((c) => roles.some((role) => c.roles?.[role]));
  return bound(EVENT_ROLES) ? 'events' : bound(STEP_ROLES) ? 'steps' : 'empty';
}

/** How many rows the data view holds (before any is read). */
export function rawRowCount(dataView: powerbi.DataView | undefined): number {
  try {
    if (dataViewKind(dataView) === 'events') return dataView?.table?.rows?.length ?? 0;
    return dataView?.categorical?.categories?.[0]?.values.length ?? 0;
  } catch {
    return 0;
  }
}

/**
 * A key of the data view's first row (its grouping values), or null without rows. Grouped
 * rows are unique, so equal keys mean a data view repeats the rows of another.
 */
export function firstRowKey(dataView: powerbi.DataView | undefined): string | null {
  try {
    if (dataViewKind(dataView) === 'events') {
      const table = dataView!.table!;
      const at = eventColumns(table);
      const row = table.rows?.[0];
      return at && row ? [row[at.caseAt], row[at.activityAt], String(row[at.timeAt])].join('\u001f') : null;
    }
    const categories = dataView?.categorical?.categories ?? [];
    if (!categories[0] || categories[0].values.length === 0) return null;
    const roles = ['variantKey', 'stepIndex', 'fromActivity', 'toActivity'];
    return roles.map((role) => String(findByRole(categories, role)?.values[0] ?? '')).join('\u001f');
  } catch {
    return null;
  }
}

/**
 * Reads one data view (one fetchMoreData segment) from row `startRow` on, without throwing:
 * a missing or malformed data view gives `kind: 'empty'` with the landing page (nothing
 * bound) or a message.
 */
export function readDataView(dataView: powerbi.DataView | undefined, startRow = 0): SegmentReading {
  try {
    return readUnsafe(dataView, startRow);
  } catch {
    return { kind: 'empty', landing: false, message: 'Message_Failed', moreData: false };
  }
}

function readUnsafe(dataView: powerbi.DataView | undefined, startRow: number): SegmentReading {
  const kind = dataViewKind(dataView);
  const moreData = dataView?.metadata?.segment !== undefined && dataView?.metadata?.segment !== null;
  if (dataView && kind === 'events') {
    const segment = dataView.table ? readEventsSegment(dataView.table, startRow) : null;
    if (!segment) return { kind: 'empty', landing: false, message: 'Message_MissingEvents', moreData: false };
    return { kind: 'events', segment, moreData };
  }
  if (dataView && kind === 'steps') {
    const segment = dataView.categorical ? readStepsSegment(dataView.categorical, startRow) : null;
    if (!segment) return { kind: 'empty', landing: false, message: 'Message_MissingSteps', moreData: false };
    segment.dimensions = readDimensions(dataView.categorical!.categories ?? [], segment.sources.index);
    return { kind: 'steps', segment, moreData };
  }
  return { kind: 'empty', landing: true, message: null, moreData: false };
}

import type powerbi from 'powerbi-visuals-api';
import type { UiStringKey } from '../i18n';
import { readEventsSegment, type EventsSegment } from './read-events';
import { readStepsSegment, type StepsSegment } from './read-steps';

const STEP_ROLES = ['variantKey', 'stepIndex', 'fromActivity', 'toActivity', 'cases', 'sumSeconds', 'histogram'];
const EVENT_ROLES = ['caseId', 'activity', 'timestamp', 'resource'];

/** One data view, read: a steps or events segment, or why there is nothing to draw. */
export type SegmentReading =
  | { kind: 'steps'; segment: StepsSegment; moreData: boolean }
  | { kind: 'events'; segment: EventsSegment; moreData: boolean }
  | { kind: 'empty'; landing: boolean; message: UiStringKey | null; moreData: false };

/**
 * Reads one data view (one fetchMoreData segment) without throwing: a missing or malformed
 * data view gives `kind: 'empty'` with the landing page (nothing bound) or a message.
 */
export function readDataView(dataView: powerbi.DataView | undefined): SegmentReading {
  try {
    return readUnsafe(dataView);
  } catch {
    return { kind: 'empty', landing: false, message: 'Message_Failed', moreData: false };
  }
}

function readUnsafe(dataView: powerbi.DataView | undefined): SegmentReading {
  const columns = dataView?.metadata?.columns ?? [];
  const bound = (roles: string[]) => columns.some((c) => roles.some((role) => c.roles?.[role]));
  const moreData = dataView?.metadata?.segment !== undefined && dataView?.metadata?.segment !== null;
  if (dataView && bound(EVENT_ROLES)) {
    const segment = dataView.table ? readEventsSegment(dataView.table) : null;
    if (!segment) return { kind: 'empty', landing: false, message: 'Message_MissingEvents', moreData: false };
    return { kind: 'events', segment, moreData };
  }
  if (dataView && bound(STEP_ROLES)) {
    const segment = dataView.categorical ? readStepsSegment(dataView.categorical) : null;
    if (!segment) return { kind: 'empty', landing: false, message: 'Message_MissingSteps', moreData: false };
    return { kind: 'steps', segment, moreData };
  }
  return { kind: 'empty', landing: true, message: null, moreData: false };
}

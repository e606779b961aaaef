import type { EventLog } from '@sagsflow/shared';

/** The activities that at least one event of the log carries (a filtered log keeps its full name list). */
export function usedActivities(log: EventLog): string[] {
  const seen = new Uint8Array(log.activities.length);
  for (const a of log.activity) seen[a] = 1;
  return log.activities.filter((_, i) => seen[i]);
}

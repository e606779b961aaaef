import { EventLogBuilder } from '../event-log/builder';
import type { EventLog } from '../event-log/types';

/** Minutes since this base make the tiny logs' timestamps (2024-01-01T00:00Z). */
export const BASE_MS = Date.UTC(2024, 0, 1);
export const MINUTE = 60_000;

/**
 * Builds a small log from text, for tests: cases separated by `;`, each
 * `caseId: activity@minutes activity@minutes ...`. Without `@minutes` an event
 * is one minute after the previous event of its case.
 *
 * @example tinyLog('c1: a@0 b@10 c@30; c2: a@0 c@5')
 */
export function tinyLog(text: string): EventLog {
  const builder = new EventLogBuilder();
  for (const part of text.split(';')) {
    const [caseId, events] = part.split(':').map((s) => s.trim());
    if (!caseId) continue;
    let minutes = -1;
    for (const token of (events ?? '').split(/\s+/).filter(Boolean)) {
      const [activity, at] = token.split('@');
      minutes = at === undefined ? minutes + 1 : Number(at);
      builder.addEvent(caseId, activity!, BASE_MS + minutes * MINUTE);
    }
  }
  return builder.build();
}

/** The activity names of each case, for assertions. */
export function traces(log: EventLog): string[][] {
  const out: string[][] = [];
  for (let c = 0; c < log.caseIds.length; c++) {
    const names: string[] = [];
    for (let e = log.caseOffsets[c]!; e < log.caseOffsets[c + 1]!; e++) {
      names.push(log.activities[log.activity[e]!]!);
    }
    out.push(names);
  }
  return out;
}

import type { EventLog } from '../event-log/types';
import { compareText } from '../compare-text';

/** Statistics of one activity. */
export interface ActivityStatistics {
  activity: string;
  events: number;
  /** Distinct cases with the activity. */
  cases: number;
  /** Events beyond the first in a case (rework): events - cases. */
  repeats: number;
  /** Times the activity directly follows itself. */
  selfLoops: number;
}

/**
 * Per activity: events, cases, repeats within a case and self-loops.
 * Most events first, ties by name.
 */
export function activityStatistics(log: EventLog): ActivityStatistics[] {
  const n = log.activities.length;
  const events = new Uint32Array(n);
  const cases = new Uint32Array(n);
  const loops = new Uint32Array(n);
  const last = new Int32Array(n).fill(-1);
  for (let c = 0; c < log.caseIds.length; c++) {
    const lo = log.caseOffsets[c]!;
    const hi = log.caseOffsets[c + 1]!;
    for (let e = lo; e < hi; e++) {
      const a = log.activity[e]!;
      events[a]!++;
      if (last[a] !== c) {
        last[a] = c;
        cases[a]!++;
      }
      if (e > lo && log.activity[e - 1] === a) loops[a]!++;
    }
  }
  const out: ActivityStatistics[] = [];
  for (let a = 0; a < n; a++) {
    if (events[a] === 0) continue;
    out.push({ activity: log.activities[a]!, events: events[a]!, cases: cases[a]!, repeats: events[a]! - cases[a]!, selfLoops: loops[a]! });
  }
  return out.sort((x, y) => y.events - x.events || compareText(x.activity, y.activity));
}

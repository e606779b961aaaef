import type { EventLog } from '@sagsflow/shared';
import { PROCESS_END_ACTIVITIES, processNameOf } from '../processes/index';

/** Where a process's end activities come from. */
export type EndActivitySource = 'mapping' | 'process' | 'inferred';

/** The end activities used for one process of a load, and where they come from. */
export interface EndActivities {
  process: string;
  activities: string[];
  source: EndActivitySource;
}

/** An activity that ends at least this share of the cases it occurs in is an inferred end activity. */
export const INFERRED_END_SHARE = 0.5;

/**
 * The end activities of a process: the mapping's `endActivities` when given, else the process
 * definition's, else inferred from the log (see `inferEndActivities`).
 */
export function endActivitiesOf(process: string, given: readonly string[] | undefined, inferred: () => string[]): EndActivities {
  if (given && given.length > 0) return { process, activities: [...given], source: 'mapping' };
  const key = processNameOf(process);
  if (key) return { process, activities: [...PROCESS_END_ACTIVITIES[key]], source: 'process' };
  return { process, activities: inferred(), source: 'inferred' };
}

/**
 * Infers end activities from the cases `inProcess` selects: an activity is one when it is the
 * last event of at least `INFERRED_END_SHARE` of the cases it occurs in. A case that stops in
 * the middle of its process stops at an activity that usually has successors, so such cases
 * count as open. Sorted by name.
 *
 * @example inferEndActivities(log, () => true) // ['Afsluttet']
 */
export function inferEndActivities(log: EventLog, inProcess: (caseIndex: number) => boolean): string[] {
  const occurs = new Float64Array(log.activities.length);
  const ends = new Float64Array(log.activities.length);
  const seen = new Int32Array(log.activities.length).fill(-1);
  for (let c = 0; c < log.caseIds.length; c++) {
    if (!inProcess(c)) continue;
    const lo = log.caseOffsets[c]!;
    const hi = log.caseOffsets[c + 1]!;
    for (let e = lo; e < hi; e++) {
      const a = log.activity[e]!;
      if (seen[a] !== c) {
        seen[a] = c;
        occurs[a]!++;
      }
    }
    ends[log.activity[hi - 1]!]!++;
  }
  const out: string[] = [];
  for (let a = 0; a < occurs.length; a++) if (occurs[a]! > 0 && ends[a]! / occurs[a]! >= INFERRED_END_SHARE) out.push(log.activities[a]!);
  return out.sort();
}

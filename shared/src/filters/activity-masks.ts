import type { EventLog } from '../event-log/types';
import { codeSet, type CaseMask } from './case-masks';

/** Cases with an event of `activity` (`passes`), or without one (`!passes`). */
export function passesThroughMask(log: EventLog, activity: string, passes: boolean): CaseMask {
  const id = log.activities.indexOf(activity);
  const keep = new Uint8Array(log.caseIds.length);
  for (let c = 0; c < keep.length; c++) {
    let found = false;
    for (let e = log.caseOffsets[c]!; e < log.caseOffsets[c + 1]! && !found; e++) found = log.activity[e] === id;
    keep[c] = found === passes ? 1 : 0;
  }
  return keep;
}

/** Cases whose first (`start`) or last (`end`) activity is one of `activities`. */
export function endpointMask(log: EventLog, activities: readonly string[], which: 'start' | 'end'): CaseMask {
  const wanted = codeSet(log.activities, activities);
  const keep = new Uint8Array(log.caseIds.length);
  for (let c = 0; c < keep.length; c++) {
    const e = which === 'start' ? log.caseOffsets[c]! : log.caseOffsets[c + 1]! - 1;
    keep[c] = wanted[log.activity[e]!]!;
  }
  return keep;
}

/** Cases where `from` is followed by `to`: immediately (`directly`) or at any later event. */
export function followsMask(log: EventLog, from: string, to: string, directly: boolean): CaseMask {
  const a = log.activities.indexOf(from);
  const b = log.activities.indexOf(to);
  const keep = new Uint8Array(log.caseIds.length);
  if (a < 0 || b < 0) return keep;
  for (let c = 0; c < keep.length; c++) {
    let seenFrom = false;
    for (let e = log.caseOffsets[c]!; e < log.caseOffsets[c + 1]!; e++) {
      const x = log.activity[e]!;
      if (x === b && seenFrom) {
        keep[c] = 1;
        break;
      }
      if (directly) seenFrom = x === a;
      else if (x === a) seenFrom = true;
    }
  }
  return keep;
}

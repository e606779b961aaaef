import type { EventLog } from '../event-log/types';
import { durationStats, type DurationStats } from '../statistics/duration-stats';
import { pairActivityInstances, type ActivityInstances } from './activity-instances';
import { compareText } from '../compare-text';

/** Processing and waiting time of one activity, in ms. */
export interface ActivityTimes {
  activity: string;
  instances: number;
  /** end - start of each instance (0 where the log has no start events). */
  processing: DurationStats;
  /**
   * start - end of the case's previous instance (instances ordered by start), floored
   * at 0 for overlapping work; the first instance of a case has no waiting time.
   */
  waiting: DurationStats;
}

/**
 * Processing time versus waiting time per activity, from paired activity instances.
 * Sorted by activity name.
 */
export function activityTimes(log: EventLog, instances?: ActivityInstances): ActivityTimes[] {
  const inst = instances ?? pairActivityInstances(log);
  const processing: number[][] = inst.activities.map(() => []);
  const waiting: number[][] = inst.activities.map(() => []);
  for (let c = 0; c + 1 < inst.caseOffsets.length; c++) {
    for (let i = inst.caseOffsets[c]!; i < inst.caseOffsets[c + 1]!; i++) {
      const a = inst.activity[i]!;
      processing[a]!.push(inst.end[i]! - inst.start[i]!);
      if (i > inst.caseOffsets[c]!) waiting[a]!.push(Math.max(0, inst.start[i]! - inst.end[i - 1]!));
    }
  }
  return inst.activities
    .map((activity, a) => ({
      activity,
      instances: processing[a]!.length,
      processing: durationStats(Float64Array.from(processing[a]!)),
      waiting: durationStats(Float64Array.from(waiting[a]!)),
    }))
    .filter((t) => t.instances > 0)
    .sort((x, y) => compareText(x.activity, y.activity));
}

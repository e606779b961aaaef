import { addWorkingDays } from '@sagsflow/shared';
import { civilFromDays, GENERATOR_CALENDAR } from './calendar';
import type { CompiledProcess } from './compile-process';
import type { Rng } from './prng';
import type { CaseTrace } from './simulate-case';
import { WORKDAY_SECONDS, type WorkClock } from './work-clock';

/** What was planted for one rule and jobcenter: cases reaching the target, and their mean planted miss rate. */
export interface PlantedTally {
  id: string;
  jobcenter: string;
  cases: number;
  /** Mean of the planted miss rates of those cases (the rate the engine should recover). */
  meanMissRate: number;
  /** Cases placed late (planted late, or already past the deadline when the step came). */
  late: number;
}

const LATE_SPREAD_WORKING_DAYS = 8;

/**
 * Plants deadline misses (see `DeadlineRule`): when a case reaches a rule's target activity
 * for the first time after the anchor, it picks the target's position on or before the
 * deadline D, or after it with the planted miss rate of the case's jobcenter and month.
 */
export class DeadlinePlanner {
  private jobcenter = 0;
  private readonly firstMonth: number;
  private readonly tallies: { cases: number; rateSum: number; late: number }[][];

  constructor(
    private readonly p: CompiledProcess,
    private readonly clock: WorkClock,
  ) {
    this.firstMonth = monthIndex(clock.days[0]!);
    this.tallies = p.deadlines.map(() => p.jobcenters.map(() => ({ cases: 0, rateSum: 0, late: 0 })));
  }

  /** The deadline day of a rule for an anchor day. */
  deadlineOf(rule: number, anchorDay: number): number {
    const limit = this.p.deadlines[rule]!.limit;
    return 'days' in limit ? anchorDay + limit.days : addWorkingDays(anchorDay, limit.workingDays, GENERATOR_CALENDAR);
  }

  /** Starts a case of the jobcenter with this index. */
  begin(jobcenter: number): void {
    this.jobcenter = jobcenter;
  }

  /** The planted position of activity `to` reached from `pos`, or -1 when no rule plants it. */
  positionFor(to: number, trace: CaseTrace, pos: number, rng: Rng): number {
    for (let r = 0; r < this.p.deadlines.length; r++) {
      const rule = this.p.deadlines[r]!;
      if (rule.to !== to) continue;
      const anchor = firstIndexOf(trace, rule.from, 0);
      if (anchor < 0 || firstIndexOf(trace, rule.to, anchor + 1) >= 0) continue;
      const anchorDay = this.clock.dayNumberAt(trace.pos[anchor]!);
      const deadline = this.deadlineOf(r, anchorDay);
      const months = monthIndex(anchorDay) - this.firstMonth;
      const rate = Math.min(0.95, Math.max(0.01, rule.missRate[this.jobcenter]! + rule.driftPerMonth * months));
      const current = Math.floor(pos / WORKDAY_SECONDS);
      const lastOnTime = lastIndexOnOrBefore(this.clock.days, deadline);
      const late = rng.chance(rate) || lastOnTime < current;
      const tally = this.tallies[r]![this.jobcenter]!;
      tally.cases++;
      tally.rateSum += rate;
      if (late) tally.late++;
      const day = late
        ? Math.max(lastOnTime + 1, current) + rng.int(LATE_SPREAD_WORKING_DAYS)
        : current + rng.int(lastOnTime - current + 1);
      return positionOnDay(day, pos, rng);
    }
    return -1;
  }

  /** What was planted, per rule and jobcenter (jobcenters without cases left out). */
  planted(): PlantedTally[] {
    return this.p.deadlines.flatMap((rule, r) =>
      this.p.jobcenters.flatMap((jc, j) => {
        const t = this.tallies[r]![j]!;
        return t.cases === 0 ? [] : [{ id: rule.id, jobcenter: jc.name, cases: t.cases, meanMissRate: t.rateSum / t.cases, late: t.late }];
      }),
    );
  }
}

function firstIndexOf(trace: CaseTrace, activity: number, from: number): number {
  for (let e = from; e < trace.length; e++) if (trace.activity[e] === activity) return e;
  return -1;
}

function monthIndex(dayNumber: number): number {
  const { year, month } = civilFromDays(dayNumber);
  return year * 12 + month - 1;
}

/** The index of the last working day on or before `day` (-1 when none). */
function lastIndexOnOrBefore(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** A position on working day `day`, at least a minute after `pos` (the next day when this one is over). */
function positionOnDay(day: number, pos: number, rng: Rng): number {
  const nextMinute = (Math.floor(pos / 60) + 1) * 60;
  let start = day * WORKDAY_SECONDS;
  let from = Math.max(start, nextMinute);
  if (from >= start + WORKDAY_SECONDS) {
    start += WORKDAY_SECONDS;
    from = start;
  }
  return from + rng.int(start + WORKDAY_SECONDS - from);
}

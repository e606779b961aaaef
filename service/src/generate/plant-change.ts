import { MisuseError, parseIsoDate } from '@sagsflow/shared';
import type { CompiledJobcenter, CompiledProcess } from './compile-process';
import type { CaseTrace } from './simulate-case';

/**
 * A change planted in a generated extract, so that `sagsflow effect` and `sagsflow whatif`
 * have a known answer: from `from` on, cases of one jobcenter wait `waitingFactor` times as
 * long before `activity` (e.g. 0.5 halves it), or no longer repeat `activity` (a rework
 * loop stopped). Cases are affected by their start date.
 */
export interface PlantedChange {
  jobcenter: string;
  /** Local date YYYY-MM-DD; cases that start on or after it change. */
  from: string;
  activity: string;
  waitingFactor?: number;
  stopRework?: boolean;
}

/** A planted change compiled against one process. */
export interface CompiledPlant {
  change: PlantedChange;
  jobcenter: string;
  fromDay: number;
  activity: number;
}

const MIN_GAP_SECONDS = 60;

/** Checks a planted change against the process and resolves its names; throws MisuseError naming the bad field. */
export function compilePlant(p: CompiledProcess, change: PlantedChange): CompiledPlant {
  const activity = p.activities.indexOf(change.activity);
  if (activity < 0) throw new MisuseError(`plant: activity '${change.activity}' is not in this process; it has ${p.activities.join(', ')}`);
  if (!p.jobcenters.some((jc) => jc.name === change.jobcenter)) {
    throw new MisuseError(
      `plant: jobcenter '${change.jobcenter}' is not in this process; it has ${p.jobcenters.map((jc) => jc.name).join(', ')}`,
    );
  }
  const kinds = (change.waitingFactor !== undefined ? 1 : 0) + (change.stopRework ? 1 : 0);
  if (kinds !== 1) throw new MisuseError('plant: give exactly one of waitingFactor and stopRework');
  if (change.waitingFactor !== undefined && !(change.waitingFactor >= 0 && change.waitingFactor <= 1)) {
    throw new MisuseError(
      `plant: waitingFactor must be a number from 0 to 1 (a wait can only shrink inside the extract's window), got ${String(change.waitingFactor)}`,
    );
  }
  return { change, jobcenter: change.jobcenter, fromDay: parseIsoDate(change.from), activity };
}

/**
 * Applies the plant to one simulated case in place when the case is of the planted jobcenter
 * and starts on or after the plant's date. Returns whether the case changed. Positions are
 * work-clock seconds, so a shortened wait stays inside working hours; every event stays at
 * least a minute after the one before.
 */
export function plantInCase(plant: CompiledPlant, jc: CompiledJobcenter, startDay: number, trace: CaseTrace): boolean {
  if (jc.name !== plant.jobcenter || startDay < plant.fromDay) return false;
  return plant.change.waitingFactor !== undefined
    ? scaleWaits(trace, plant.activity, plant.change.waitingFactor)
    : stopRework(trace, plant.activity);
}

/** The wait before each `activity` × factor; later events move by what that wait lost. */
function scaleWaits(trace: CaseTrace, activity: number, factor: number): boolean {
  let shift = 0;
  let changed = false;
  for (let i = 1; i < trace.length; i++) {
    let pos = trace.pos[i]! + shift;
    if (trace.activity[i] === activity) {
      const previous = trace.pos[i - 1]!;
      const target = previous + Math.max(MIN_GAP_SECONDS, factor * (pos - previous));
      shift += target - pos;
      pos = target;
      changed = true;
    }
    trace.pos[i] = pos;
  }
  return changed;
}

/** Each repeat of `activity` goes, with everything since its first occurrence; later events move back by that span. */
function stopRework(trace: CaseTrace, activity: number): boolean {
  let first = -1;
  let firstPos = 0;
  let write = 0;
  let shift = 0;
  for (let i = 0; i < trace.length; i++) {
    const pos = trace.pos[i]!;
    if (trace.activity[i] === activity && first >= 0) {
      write = first + 1;
      shift = pos - firstPos;
      continue;
    }
    if (trace.activity[i] === activity) {
      first = write;
      firstPos = pos;
    }
    trace.activity[write] = trace.activity[i]!;
    trace.actor[write] = trace.actor[i]!;
    trace.pos[write] = write > 0 ? Math.max(trace.pos[write - 1]! + MIN_GAP_SECONDS, pos - shift) : pos;
    write++;
  }
  const changed = write < trace.length;
  trace.length = write;
  return changed;
}

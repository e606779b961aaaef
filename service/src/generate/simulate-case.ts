import type { CompiledJobcenter, CompiledProcess } from './compile-process';
import type { DeadlinePlanner } from './deadline-plan';
import type { Rng } from './prng';
import { WORKDAY_SECONDS } from './work-clock';

/** Upper bound on events per case (loops are bounded by maxVisits well below this). */
export const MAX_CASE_EVENTS = 64;

/** The events of one simulated case, in reusable arrays (no allocation per case). */
export class CaseTrace {
  length = 0;
  readonly activity = new Int32Array(MAX_CASE_EVENTS);
  /** Work-clock positions (see WorkClock), strictly increasing by at least a minute. */
  readonly pos = new Float64Array(MAX_CASE_EVENTS);
  readonly actor: string[] = new Array<string>(MAX_CASE_EVENTS).fill('');
}

/**
 * Walks the process graph from its start activity: picks each next activity by its
 * weight (skipping activities visited maxVisits times), waits a triangular number of
 * working days scaled by jobcenter, caseworker and case speed, and stops at an end
 * activity, a stall, or the end of the extract (`endPos`), which leaves the case open.
 * A planner places the target steps of planted deadlines (see `DeadlinePlanner`).
 * Each event falls in a later clock minute than the one before, so no two rows of a
 * case are alike even when written without seconds.
 */
export function simulateCase(
  p: CompiledProcess,
  jc: CompiledJobcenter,
  worker: number,
  startPos: number,
  endPos: number,
  rng: Rng,
  out: CaseTrace,
  planner?: DeadlinePlanner,
): void {
  const visits = new Int32Array(p.activities.length);
  const speed = jc.speed * (jc.caseworkerSpeeds[worker] as number) * rng.triangular(0.8, 1, 1.3);
  const primary = jc.caseworkers[worker] as string;
  let current = p.start;
  let pos = startPos;
  out.length = 0;
  for (;;) {
    visits[current]!++;
    out.activity[out.length] = current;
    out.pos[out.length] = pos;
    out.actor[out.length] = p.systemActor[current] ?? (rng.chance(0.15) ? rng.pick(jc.caseworkers) : primary);
    out.length++;
    if (p.isEnd[current] || out.length === MAX_CASE_EVENTS) return;
    const options = jc.next[current]!;
    let eligible = 0;
    for (const t of options) if (visits[t.to]! < p.maxVisits[t.to]!) eligible += t.weight;
    let u = rng.float() * (eligible + p.stall[current]!);
    let chosen = null;
    for (const t of options) {
      if (visits[t.to]! >= p.maxVisits[t.to]!) continue;
      if (u < t.weight) {
        chosen = t;
        break;
      }
      u -= t.weight;
    }
    if (chosen === null) return;
    const planned = planner ? planner.positionFor(chosen.to, out, pos, rng) : -1;
    if (planned >= 0) {
      pos = planned;
    } else {
      const days = rng.triangular(chosen.min, chosen.mode, chosen.max) * (chosen.external ? 1 : speed);
      const nextMinute = (Math.floor(pos / 60) + 1) * 60;
      pos = Math.max(nextMinute + rng.int(60), Math.floor(pos + days * WORKDAY_SECONDS));
    }
    if (pos >= endPos) return;
    current = chosen.to;
  }
}

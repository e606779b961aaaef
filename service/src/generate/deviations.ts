import type { CompiledProcess } from './compile-process';
import type { Rng } from './prng';
import { MAX_CASE_EVENTS, type CaseTrace } from './simulate-case';

/**
 * Chances that a closed case deviates from the process's to-be model
 * (`processes/<name>/model.bpmn`, which allows exactly the generator's transitions).
 * At most one deviation per case.
 */
export interface DeviationRates {
  /** A required step is skipped: one event whose neighbours the model does not let follow each other is removed. */
  skip: number;
  /** A step is recorded twice in a row where the model does not allow it to repeat. */
  repeat: number;
}

/** The documented default rates of `generate --deviations`: 5 % skipped steps, 3 % repeated steps. */
export const DEFAULT_DEVIATION_RATES: DeviationRates = { skip: 0.05, repeat: 0.03 };

/** Deviations injected, each costing exactly one move in an optimal alignment on the model. */
export interface DeviationCounts {
  /** Closed cases with one required step skipped (one model move each). */
  skippedSteps: number;
  /** Closed cases with one step recorded twice (one log move each). */
  repeatedSteps: number;
}

/** The transitions the to-be model allows, as a from x to matrix of activity ids. */
export function allowedTransitions(p: CompiledProcess): Uint8Array {
  const n = p.activities.length;
  const allowed = new Uint8Array(n * n);
  for (const jc of p.jobcenters) jc.next.forEach((ts, from) => ts.forEach((t) => (allowed[from * n + t.to] = 1)));
  return allowed;
}

/**
 * Injects at most one deviation into a closed case, in place: with chance `rates.skip`
 * it removes an inner event whose neighbours the model does not let follow each other
 * (so an optimal alignment needs exactly one model move), else with chance
 * `rates.repeat` it repeats an event whose activity may not follow itself, one minute
 * later (exactly one log move). Open cases and cases with no eligible event stay as
 * they are; `counts` tallies what was injected.
 */
export function injectDeviation(
  p: CompiledProcess,
  allowed: Uint8Array,
  trace: CaseTrace,
  rates: DeviationRates,
  endPos: number,
  rng: Rng,
  counts: DeviationCounts,
): void {
  const n = p.activities.length;
  const len = trace.length;
  if (len === 0 || !p.isEnd[trace.activity[len - 1]!]) return;
  const u = rng.float();
  const a = trace.activity;
  if (u < rates.skip) {
    const eligible: number[] = [];
    for (let i = 1; i < len - 1; i++) if (!allowed[a[i - 1]! * n + a[i + 1]!]) eligible.push(i);
    if (eligible.length === 0) return;
    remove(trace, eligible[rng.int(eligible.length)]!);
    counts.skippedSteps++;
  } else if (u < rates.skip + rates.repeat && len < MAX_CASE_EVENTS) {
    const eligible: number[] = [];
    for (let i = 0; i < len; i++) {
      const nextMinute = Math.floor(trace.pos[i]! / 60) + 1;
      const roomBefore = i + 1 < len ? Math.floor(trace.pos[i + 1]! / 60) : Math.floor(endPos / 60);
      if (!allowed[a[i]! * n + a[i]!] && nextMinute < roomBefore) eligible.push(i);
    }
    if (eligible.length === 0) return;
    repeat(trace, eligible[rng.int(eligible.length)]!);
    counts.repeatedSteps++;
  }
}

function remove(trace: CaseTrace, i: number): void {
  trace.activity.copyWithin(i, i + 1, trace.length);
  trace.pos.copyWithin(i, i + 1, trace.length);
  trace.actor.copyWithin(i, i + 1, trace.length);
  trace.length--;
}

function repeat(trace: CaseTrace, i: number): void {
  trace.activity.copyWithin(i + 1, i, trace.length);
  trace.pos.copyWithin(i + 1, i, trace.length);
  trace.actor.copyWithin(i + 1, i, trace.length);
  trace.pos[i + 1] = (Math.floor(trace.pos[i]! / 60) + 1) * 60;
  trace.length++;
}

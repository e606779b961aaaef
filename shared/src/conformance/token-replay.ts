import { checkWorkflowNet } from './check-workflow-net';
import { fire, isEnabled, markingKey, sameMarking, type Marking } from './marking';
import type { WorkflowNet } from './workflow-net';
import type { TraceVariant } from './align-log';

/** Token counts of one replayed trace (Rozinat and van der Aalst 2008). */
export interface TraceReplay {
  produced: number;
  consumed: number;
  missing: number;
  remaining: number;
  /** ½(1 − missing/consumed) + ½(1 − remaining/produced). */
  fitness: number;
  /** No missing or remaining token and every event had a transition. */
  fits: boolean;
}

/** Token-based replay of a log, summed over cases. */
export interface LogReplay {
  /** ½(1 − Σmissing/Σconsumed) + ½(1 − Σremaining/Σproduced), over cases; null for an empty log. */
  logFitness: number | null;
  /** Share of cases that replay without a missing or remaining token, in percent; null for an empty log. */
  fittingTracesPct: number | null;
  traces: TraceReplay[];
}

const SILENT_SEARCH_LIMIT = 2_000;

/**
 * Replays a trace on the net token by token. Before a task that is not enabled it
 * fires the shortest sequence of silent transitions that enables it, if one exists
 * (searched up to a few thousand markings); otherwise it creates the missing tokens.
 * At the end it fires silent transitions to reach the final marking if it can, then
 * consumes the final token and counts what remains. An event whose activity no
 * transition carries counts as one missing, consumed, produced and remaining token (as
 * if it were a transition with a place of its own before and after) and makes the trace
 * not fit.
 */
export function replayTrace(net: WorkflowNet, trace: readonly string[], prepared = prepare(net)): TraceReplay {
  const { byLabel, silent } = prepared;
  let m: Marking = net.initialMarking;
  let produced = m.length;
  let consumed = 0;
  let missing = 0;
  let remaining = 0;
  let fits = true;
  const fireCounting = (t: WorkflowNet['transitions'][number]) => {
    consumed += t.inputs.length;
    produced += t.outputs.length;
    m = fire(m, t);
  };
  for (const activity of trace) {
    const candidates = byLabel.get(activity);
    if (!candidates) {
      fits = false;
      missing++;
      consumed++;
      produced++;
      remaining++;
      continue;
    }
    let chosen = candidates.find((t) => isEnabled(m, t));
    if (!chosen) {
      const path = silentPath(m, silent, (x) => candidates.some((t) => isEnabled(x, t)));
      if (path) {
        for (const t of path) fireCounting(t);
        chosen = candidates.find((t) => isEnabled(m, t))!;
      } else {
        chosen = candidates[0]!;
        const lacking = lackingTokens(m, chosen.inputs);
        missing += lacking.length;
        m = [...m, ...lacking].sort((a, b) => a - b);
      }
    }
    fireCounting(chosen);
  }
  if (!sameMarking(m, net.finalMarking)) {
    const path = silentPath(m, silent, (x) => sameMarking(x, net.finalMarking));
    if (path) for (const t of path) fireCounting(t);
  }
  const lacking = lackingTokens(m, net.finalMarking);
  missing += lacking.length;
  consumed += net.finalMarking.length;
  remaining += m.length - (net.finalMarking.length - lacking.length);
  if (missing > 0 || remaining > 0) fits = false;
  const fitness = 0.5 * (consumed === 0 ? 1 : 1 - missing / consumed) + 0.5 * (produced === 0 ? 1 : 1 - remaining / produced);
  return { produced, consumed, missing, remaining, fitness, fits };
}

/**
 * Token-based replay fitness of a log given as variants (each replayed once).
 * Checks the net first (`checkWorkflowNet`).
 *
 * @example
 * replayLog(net, [{ activities: ['a', 'c'], cases: 2 }]).logFitness;
 */
export function replayLog(net: WorkflowNet, variants: readonly TraceVariant[]): LogReplay {
  checkWorkflowNet(net);
  let produced = 0;
  let consumed = 0;
  let missing = 0;
  let remaining = 0;
  let fitting = 0;
  let cases = 0;
  const prepared = prepare(net);
  const traces = variants.map((v) => {
    const r = replayTrace(net, v.activities, prepared);
    produced += r.produced * v.cases;
    consumed += r.consumed * v.cases;
    missing += r.missing * v.cases;
    remaining += r.remaining * v.cases;
    if (r.fits) fitting += v.cases;
    cases += v.cases;
    return r;
  });
  if (cases === 0) return { logFitness: null, fittingTracesPct: null, traces };
  return {
    logFitness: 0.5 * (1 - missing / consumed) + 0.5 * (1 - remaining / produced),
    fittingTracesPct: (100 * fitting) / cases,
    traces,
  };
}

function prepare(net: WorkflowNet) {
  return { byLabel: transitionsByLabel(net), silent: net.transitions.filter((t) => t.label === null) };
}

function transitionsByLabel(net: WorkflowNet) {
  const map = new Map<string, WorkflowNet['transitions'][number][]>();
  for (const t of net.transitions) {
    if (t.label === null) continue;
    const list = map.get(t.label);
    if (list) list.push(t);
    else map.set(t.label, [t]);
  }
  return map;
}

/** The places of `needed` (a sorted multiset) that `m` lacks, with multiplicity. */
function lackingTokens(m: Marking, needed: readonly number[]): number[] {
  const out: number[] = [];
  let k = 0;
  for (const p of needed) {
    while (k < m.length && m[k]! < p) k++;
    if (k < m.length && m[k] === p) k++;
    else out.push(p);
  }
  return out;
}

/** The shortest sequence of silent transitions from `start` to a marking where `goal` holds, by breadth-first search. */
function silentPath(
  start: Marking,
  silent: readonly WorkflowNet['transitions'][number][],
  goal: (m: Marking) => boolean,
): WorkflowNet['transitions'][number][] | null {
  if (silent.length === 0) return null;
  const markings: Marking[] = [start];
  const parent: number[] = [-1];
  const via: number[] = [-1];
  const seen = new Set([markingKey(start)]);
  for (let head = 0; head < markings.length && markings.length < SILENT_SEARCH_LIMIT; head++) {
    const m = markings[head]!;
    for (let s = 0; s < silent.length; s++) {
      const t = silent[s]!;
      if (!isEnabled(m, t)) continue;
      const next = fire(m, t);
      const key = markingKey(next);
      if (seen.has(key)) continue;
      seen.add(key);
      markings.push(next);
      parent.push(head);
      via.push(s);
      if (goal(next)) {
        const path: WorkflowNet['transitions'][number][] = [];
        for (let i = markings.length - 1; i > 0; i = parent[i]!) path.push(silent[via[i]!]!);
        return path.reverse();
      }
    }
  }
  return null;
}

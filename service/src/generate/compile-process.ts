import { Rng } from './prng';
import type { ProcessDefinition } from './processes/index';

/** A jobcenter ready for simulation: its caseworkers and transition tables. */
export interface CompiledJobcenter {
  name: string;
  speed: number;
  caseworkers: readonly string[];
  caseworkerSpeeds: Float64Array;
  /** Per activity id, its outgoing transitions with this jobcenter's weights. */
  next: readonly CompiledTransition[][];
}

export interface CompiledTransition {
  to: number;
  weight: number;
  min: number;
  mode: number;
  max: number;
  external: boolean;
}

/** A planted deadline by activity ids; `missRate[j]` is jobcenter j's rate at the window's first month. */
export interface CompiledDeadline {
  id: string;
  from: number;
  to: number;
  limit: { days: number } | { workingDays: number };
  setsFrist: boolean;
  missRate: Float64Array;
  driftPerMonth: number;
}

/** A process definition turned into arrays indexed by activity id, for speed. */
export interface CompiledProcess {
  definition: ProcessDefinition;
  activities: readonly string[];
  start: number;
  maxVisits: Int32Array;
  /** Per activity: the system's name if a system records it, else null (a caseworker). */
  systemActor: readonly (string | null)[];
  isEnd: Uint8Array;
  /** Per activity: 1 minus the sum of its base weights (chance the case stalls there). */
  stall: Float64Array;
  jobcenters: readonly CompiledJobcenter[];
  /** Cumulative jobcenter shares, last = 1. */
  jobcenterCumulative: Float64Array;
  /** The planted deadlines, with their miss rates by jobcenter index. */
  deadlines: readonly CompiledDeadline[];
}

/**
 * Compiles a process definition. The caseworker roster (ids and speed factors between
 * 0.75 and 1.45) comes from a fixed seed per process, so caseworkers keep their speed
 * whatever seed the extract is generated with.
 */
export function compileProcess(def: ProcessDefinition): CompiledProcess {
  const activities = Object.keys(def.activities);
  const idOf = (name: string): number => {
    const id = activities.indexOf(name);
    if (id < 0) throw new Error(`compileProcess: ${def.key} refers to unknown activity ${JSON.stringify(name)}`);
    return id;
  };
  const specs = activities.map((a) => def.activities[a]!);
  const roster = new Rng(`roster:${def.key}`);
  const jobcenters = def.jobcenters.map((jc): CompiledJobcenter => {
    const caseworkers: string[] = [];
    const speeds: number[] = [];
    for (let n = 0; n < jc.caseworkers.count; n++) {
      caseworkers.push(`SB-${jc.code}-${String(jc.caseworkers.first + n).padStart(2, '0')}`);
      speeds.push(roster.triangular(0.75, 1, 1.45));
    }
    const next = specs.map((spec, from) =>
      spec.next.map((t): CompiledTransition => {
        const factor = (jc.overrides ?? []).filter((o) => idOf(o.from) === from && o.to === t.to).reduce((f, o) => f * o.factor, 1);
        const [min, mode, max] = t.days;
        return { to: idOf(t.to), weight: t.weight * factor, min, mode, max, external: t.external === true };
      }),
    );
    return { name: jc.name, speed: jc.speed, caseworkers, caseworkerSpeeds: Float64Array.from(speeds), next };
  });
  const totalWeight = def.jobcenters.reduce((s, jc) => s + jc.weight, 0);
  let acc = 0;
  const jobcenterCumulative = Float64Array.from(def.jobcenters.map((jc) => (acc += jc.weight) / totalWeight));
  return {
    definition: def,
    activities,
    start: idOf(def.start),
    maxVisits: Int32Array.from(specs.map((s) => s.maxVisits ?? 1)),
    systemActor: specs.map((s) => (s.actor?.kind === 'system' ? s.actor.name : null)),
    isEnd: Uint8Array.from(activities.map((a) => (def.endActivities.includes(a) ? 1 : 0))),
    stall: Float64Array.from(specs.map((s) => Math.max(0, 1 - s.next.reduce((sum, t) => sum + t.weight, 0)))),
    jobcenters,
    jobcenterCumulative,
    deadlines: def.deadlines.map((r) => ({
      id: r.id,
      from: idOf(r.from),
      to: idOf(r.to),
      limit: r.limit,
      setsFrist: r.setsFrist,
      missRate: Float64Array.from(def.jobcenters.map((jc) => r.missRate[jc.code] ?? 0)),
      driftPerMonth: r.driftPerMonth,
    })),
  };
}

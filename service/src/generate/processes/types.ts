import type { ProcessName } from '../../processes/index';

/** The three pilot processes (names from the process catalogue, `service/src/processes/`). */
export type ProcessKey = ProcessName;

/** Who records an activity: the case's caseworker, or a system (its name is the resource). */
export type Actor = { kind: 'caseworker' } | { kind: 'system'; name: string };

/**
 * One possible next activity. `weight` is its probability; where the weights of an
 * activity sum to less than 1, the rest is the chance that the case stalls there.
 * `days` is the delay in working days as a triangular (min, mode, max); it is scaled
 * by the jobcenter's and caseworker's speed unless `external` (e.g. a placement that
 * lasts as long as agreed, whoever handles the case).
 */
export interface Transition {
  to: string;
  weight: number;
  days: readonly [number, number, number];
  external?: boolean;
}

export interface ActivitySpec {
  next: readonly Transition[];
  actor?: Actor;
  /** How often a case may pass this activity (rework loops); default 1. */
  maxVisits?: number;
}

/** A jobcenter handling the process, and how it differs from the others. */
export interface JobcenterProfile {
  name: string;
  /** Short code used in caseworker ids, e.g. `NORD` -> `SB-NORD-07`. */
  code: string;
  /** Share of the cases (relative). */
  weight: number;
  /** Multiplies delays: 1.3 = 30 % slower. */
  speed: number;
  /** Caseworker numbers `first .. first + count - 1`. */
  caseworkers: { first: number; count: number };
  /** Transition weights multiplied here, e.g. a step skipped more often. */
  overrides?: readonly { from: string; to: string; factor: number }[];
}

/**
 * A deadline the generator plants: `to` (its first occurrence after the first `from`) is
 * due by D, the anchor's local date plus `days` calendar days or plus `workingDays` working
 * days (dk-administration), as the rule `id` of `processes/<name>/rules.yaml` counts it.
 * When the simulation reaches `to`, it is placed after D with the planted miss rate
 * `missRate[jobcenter code] + driftPerMonth × months since the extract window's first
 * month` (clamped to 0.01..0.95), else on or before D. The rule with `setsFrist` gives the
 * case's Frist column (D).
 */
export interface DeadlineRule {
  id: string;
  process: ProcessKey;
  from: string;
  to: string;
  limit: { days: number } | { workingDays: number };
  setsFrist: boolean;
  /** Planted miss rate per jobcenter code at the window's first month. */
  missRate: Readonly<Record<string, number>>;
  /** Change of the miss rate per month (positive: worsening). */
  driftPerMonth: number;
  /** What the rule says, in Danish, and where it comes from. */
  text: string;
  source: string;
}

/**
 * A pilot process as the generator simulates it. Activity lists, probabilities and
 * timings are ILLUSTRATIVE: plausible for a Copenhagen jobcenter, not measured.
 */
export interface ProcessDefinition {
  key: ProcessKey;
  /** The Proces column value: the catalogue's Danish label. */
  label: string;
  /** Case id prefix, e.g. `DAG` -> `DAG-2025-000123`. */
  idPrefix: string;
  subject: 'citizen' | 'company';
  /** Age range of the citizens (ignored for companies). */
  ages: readonly [number, number];
  start: string;
  activities: Readonly<Record<string, ActivitySpec>>;
  /** Activities that close a case (the catalogue's); a case whose last event is not one of them is open. */
  endActivities: readonly string[];
  jobcenters: readonly JobcenterProfile[];
  deadlines: readonly DeadlineRule[];
}

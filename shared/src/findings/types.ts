import type { EventLog } from '../event-log/types';
import type { ActivityInstances } from '../lifecycle/activity-instances';
import type { Variants } from '../variants/discover-variants';
import type { CaseCodes } from './case-codes';

/** What a finding is about. */
export type FindingKind = 'bottleneck' | 'rule-violation' | 'model-deviation' | 'best-practice' | 'automation-candidate';

/** The order findings of different kinds are listed in. */
export const FINDING_KINDS: readonly FindingKind[] = [
  'bottleneck',
  'rule-violation',
  'model-deviation',
  'automation-candidate',
  'best-practice',
];

/** Rule results of one rule (and jobcenter) as the rules tables hold them, where a catalogue is loaded. */
export interface RuleViolationInput {
  rule: string;
  /** The rule's text as the catalogue words it (shown beside the figures), in English and Danish. */
  ruleText?: string;
  ruleTextDa?: string;
  /** Null = all jobcenters of the process. */
  jobcenter: string | null;
  /** Cases the rule was checked on. */
  cases: number;
  /** Cases that broke it. */
  violations: number;
  /** Case ids that broke it (evidence for analysts). */
  caseIds?: readonly string[];
}

/** Deviations from the process model at one activity or edge, where a model is loaded. */
export interface DeviationInput {
  /** e.g. `skipped` (a model step that was not done), `inserted` (a step the model has no place for). */
  deviation: string;
  activity: string | null;
  fromActivity?: string | null;
  toActivity?: string | null;
  jobcenter: string | null;
  /** Cases checked against the model. */
  cases: number;
  /** Cases with this deviation. */
  deviatingCases: number;
  caseIds?: readonly string[];
}

/** An outcome attribute named in the mapping: a case succeeded when its value is one of `success`. */
export interface OutcomeSpec {
  attribute: string;
  success: readonly string[];
}

/**
 * Everything the findings of one process are built from. Only `log` and `process` are needed;
 * the rest plugs in where it is loaded (rules, a model, an outcome column, the calendar).
 */
export interface FindingsInput {
  log: EventLog;
  /** The process every case of `log` belongs to. */
  process: string;
  /** Jobcenter of case c; default the `jobcenter` case attribute, '' when absent. */
  jobcenterOf?: (c: number) => string;
  /** `YYYY-MM` month of a timestamp; default the UTC month. */
  periodOf?: (ms: number) => string;
  /** Whether case c is finished (its duration counts); default every case. */
  finished?: (c: number) => boolean;
  /** Working time between two instants on the Danish calendar (the rules' calendar), when available. */
  workingDurationMs?: (fromMs: number, toMs: number) => number;
  outcome?: OutcomeSpec;
  /** Per case: true = the outcome is a success, false = not, null = unknown; takes the place of `outcome`. */
  succeededOfCase?: (c: number) => boolean | null;
  /** Per case: true = broke no rule, false = broke one, null = not checked. */
  compliantOfCase?: (c: number) => boolean | null;
  /** Per case: true = fits the model, false = deviates, null = not checked. */
  conformingOfCase?: (c: number) => boolean | null;
  ruleViolations?: readonly RuleViolationInput[];
  deviations?: readonly DeviationInput[];
  /** Already computed for this log, to avoid doing it twice. */
  variants?: Variants;
  instances?: ActivityInstances;
  /** Already interned, as `jobcenterOf` and `periodOf` (of each case's first event) would give them. */
  jobcenters?: CaseCodes;
  periods?: CaseCodes;
}

/** One finding: what, where, the figures behind it, and its estimated yearly value. */
export interface Finding {
  /** Stable across loads: the same kind at the same place has the same id. */
  id: string;
  kind: FindingKind;
  /** 1 = most important within its kind. */
  rank: number;
  process: string;
  /** '' = all jobcenters. */
  jobcenter: string;
  activity: string | null;
  fromActivity: string | null;
  toActivity: string | null;
  rule: string | null;
  /** Cases the finding rests on (never under the minimum group size). */
  cases: number;
  /** Estimated yearly value in DKK. */
  valueDkk: number;
  /** The figures, by name (numbers in ms, shares 0..1, counts, names). */
  evidence: Record<string, string | number | boolean | null>;
  /** Case ids behind the finding: for analysts only. */
  caseIds: string[];
}

import type { CalendarName } from '../calendar/holidays';

/** The rule kinds of a catalogue (see `evaluateRules` for their exact semantics). */
export const RULE_KINDS = ['within', 'atLeast', 'order', 'mustOccur', 'mustNotOccur', 'notRepeated', 'differentResources'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Where a rule comes from: a law, an agreement, or an illustrative local rule with no legal source. */
export const RULE_BASES = ['law', 'agreement', 'illustrative'] as const;
export type RuleBasis = (typeof RULE_BASES)[number];

/** A deadline's length: exactly one unit. */
export type RuleLimit = { days: number } | { weeks: number } | { months: number } | { workingDays: number };

/** A case-attribute condition: the case's value of `attribute` is one of `in`. */
export interface RuleWhere {
  attribute: string;
  in: readonly string[];
}

/** One rule with every default resolved (what `evaluateRules` reads). */
export interface Rule {
  id: string;
  title: { da: string; en: string };
  source: string;
  basis: RuleBasis;
  kind: RuleKind;
  /** Activity names of A (every kind). */
  a: readonly string[];
  /** Activity names of B (within, atLeast, order, differentResources; empty otherwise). */
  b: readonly string[];
  /** The deadline (within, atLeast); null otherwise. */
  limit: RuleLimit | null;
  /** Activities that end the obligation. */
  endedBy: readonly string[];
  /** A deadline on a non-working day moves to the next working day. */
  moveToWorkingDay: boolean;
  calendar: CalendarName;
  /** Inclusive validity of the anchor's local date, as day numbers; null = open. */
  validFrom: number | null;
  validTo: number | null;
  where: RuleWhere | null;
  /** How many A are needed (atLeast); 1 otherwise. */
  count: number;
  /** Portfolio target per jobcenter (0..1), or null. */
  share: number | null;
}

/** A rule catalogue with its defaults resolved. */
export interface RuleCatalogue {
  catalogue: string;
  process: string | null;
  /** IANA time zone in which local dates are taken. */
  timezone: string;
  calendar: CalendarName;
  rules: readonly Rule[];
}

/** A case's status under a rule. */
export const RULE_STATUSES = ['notApplicable', 'fulfilled', 'violated', 'pending'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

/** The status codes stored per case in `RuleOutcome.status`; `RULE_STATUSES[code]` names them. */
export const RuleStatusCode = { notApplicable: 0, fulfilled: 1, violated: 2, pending: 3 } as const;

/** Counts of cases per status. */
export interface RuleCounts {
  fulfilled: number;
  violated: number;
  pending: number;
  notApplicable: number;
}

/** One rule's result over a log: per case arrays (index = case index) and the totals. */
export interface RuleOutcome {
  rule: Rule;
  /** `RuleStatusCode` per case. */
  status: Uint8Array;
  /** Days late per case for a violated `within`; NaN otherwise. */
  daysLate: Float64Array;
  /**
   * The local day number the case is dated by under this rule (for monthly tables): the
   * anchor (within: first A; atLeast, order: first B; differentResources: first A), else
   * the first A, else the case's first counted event; -1 when the case has no counted event.
   */
  anchorDay: Int32Array;
  /**
   * Per violated case, the log event index where the violation shows in its trace (-1 for
   * other cases): within: the late B, else the endedBy event that closed the case after the
   * deadline, else the anchor A (deadline passed with nothing since); atLeast: the anchor B;
   * order: the first B; mustOccur: the first endedBy event; mustNotOccur: the first A;
   * notRepeated: the second A; differentResources: the B done by the same resource.
   */
  violationEvent: Int32Array;
  counts: RuleCounts;
  /** fulfilled / (fulfilled + violated), or null when both are 0. */
  complianceRate: number | null;
}

/** The result of `evaluateRules`. */
export interface RuleEvaluation {
  /** The as-of date as a day number, or null for a log without events and no as-of given. */
  asOfDay: number | null;
  outcomes: RuleOutcome[];
}

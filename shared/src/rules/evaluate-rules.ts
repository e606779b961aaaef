import type { EventLog } from '../event-log/types';
import { deadlineDay } from './deadline';
import { eventDays, type EventDays } from './event-days';
import { CHECKS, ROLE_A, ROLE_B, ROLE_END, firstWith, type CaseContext, type Verdict } from './rule-kinds';
import { complianceRate } from './compliance';
import { RuleStatusCode, type Rule, type RuleCatalogue, type RuleEvaluation, type RuleOutcome } from './types';

/** Options of `evaluateRules`. */
export interface EvaluateRulesOptions {
  /** The as-of date as a day number; default the local date of the log's last event. */
  asOfDay?: number | null;
}

/**
 * Checks every rule of a catalogue on every case of a log. Dates are local dates in the
 * catalogue's time zone; only complete events (or events without a lifecycle) on or
 * before the as-of date count; events of a case are taken in log order (time, then file
 * order). A rule whose `where` is false for a case is notApplicable for it.
 *
 * - `within` (B within limit after A): (1) the anchor is the first A; none, or its date
 *   outside validFrom/validTo: notApplicable. (2) B1 = first B at or after the anchor,
 *   E1 = first endedBy at or after it; E1 on or before D and before B1 (or no B1):
 *   notApplicable. (3) B1 on or before D: fulfilled, else violated with daysLate = B1 − D.
 *   (4) No B1: S = E1's date, else the as-of date; S after D: violated, daysLate = S − D;
 *   else pending.
 * - `atLeast` (count A within limit after B): anchor = first B (validity as above); enough
 *   A at or after it on or before D: fulfilled; else an endedBy there: notApplicable; else
 *   violated when the as-of date is after D, else pending.
 * - `order` (B only after A): no B: notApplicable (also when the first B's date is outside
 *   the validity); the first B has an A before it: fulfilled; else violated.
 * - `mustOccur`: an A: fulfilled; else an endedBy: violated; else pending.
 * - `mustNotOccur`: an A: violated; else fulfilled.
 * - `notRepeated`: no A: notApplicable; one: fulfilled; more: violated.
 * - `differentResources`: first A and first B at or after it; either missing or without a
 *   resource: notApplicable; the same resource: violated; else fulfilled.
 *
 * @example
 * const result = evaluateRules(log, catalogue, { asOfDay: parseIsoDate('2026-11-20') });
 * result.outcomes[0].counts; // { fulfilled, violated, pending, notApplicable }
 */
export function evaluateRules(log: EventLog, catalogue: RuleCatalogue, options: EvaluateRulesOptions = {}): RuleEvaluation {
  const days = eventDays(log, catalogue.timezone, options.asOfDay ?? null);
  return { asOfDay: days.asOfDay, outcomes: catalogue.rules.map((rule) => evaluateRule(log, days, rule)) };
}

/** Checks one rule on every case, given the log's event days (see `evaluateRules`). */
export function evaluateRule(log: EventLog, days: EventDays, rule: Rule): RuleOutcome {
  const caseCount = log.caseIds.length;
  const status = new Uint8Array(caseCount);
  const daysLate = new Float64Array(caseCount).fill(Number.NaN);
  const anchorDay = new Int32Array(caseCount).fill(-1);
  const counts = { fulfilled: 0, violated: 0, pending: 0, notApplicable: 0 };
  const ctx = contextOf(log, days, rule);
  const applies = whereMask(log, rule);
  const check = CHECKS[rule.kind];
  const anchorBit = rule.kind === 'atLeast' || rule.kind === 'order' ? ROLE_B : ROLE_A;
  const verdict: Verdict = { status: 0, daysLate: Number.NaN, anchor: -1, at: -1 };
  const violationEvent = new Int32Array(caseCount).fill(-1);
  for (let c = 0; c < caseCount; c++) {
    const s = log.caseOffsets[c]!;
    const e = log.caseOffsets[c + 1]!;
    if (applies && applies[c] === 0) {
      verdict.status = RuleStatusCode.notApplicable;
      verdict.daysLate = Number.NaN;
      verdict.anchor = firstWith(ctx, anchorBit, s, e);
      verdict.at = -1;
    } else if (days.asOfDay === null) {
      verdict.status = RuleStatusCode.notApplicable;
      verdict.anchor = -1;
      verdict.at = -1;
    } else {
      check(ctx, s, e, verdict);
    }
    status[c] = verdict.status;
    if (verdict.status === RuleStatusCode.violated) violationEvent[c] = verdict.at;
    if (!Number.isNaN(verdict.daysLate)) daysLate[c] = verdict.daysLate;
    anchorDay[c] = verdict.anchor >= 0 ? days.day[verdict.anchor]! : firstCountedDay(days, s, e);
    if (verdict.status === RuleStatusCode.fulfilled) counts.fulfilled++;
    else if (verdict.status === RuleStatusCode.violated) counts.violated++;
    else if (verdict.status === RuleStatusCode.pending) counts.pending++;
    else counts.notApplicable++;
  }
  return { rule, status, daysLate, anchorDay, violationEvent, counts, complianceRate: complianceRate(counts) };
}

function contextOf(log: EventLog, days: EventDays, rule: Rule): CaseContext {
  const roles = new Uint8Array(log.activities.length);
  const ids = new Map(log.activities.map((name, id) => [name, id]));
  const mark = (names: readonly string[], bit: number) => {
    for (const name of names) {
      const id = ids.get(name);
      if (id !== undefined) roles[id]! |= bit;
    }
  };
  mark(rule.a, ROLE_A);
  mark(rule.b, ROLE_B);
  mark(rule.endedBy, ROLE_END);
  const cache = new Map<number, number>();
  const limit = rule.limit;
  return {
    activity: log.activity,
    timestamp: log.timestamp,
    resource: log.resource,
    day: days.day,
    counted: days.counted,
    roles,
    asOfDay: days.asOfDay ?? 0,
    rule,
    deadline: (anchor) => {
      if (limit === null) return anchor;
      let d = cache.get(anchor);
      if (d === undefined) {
        d = deadlineDay(anchor, limit, rule.calendar, rule.moveToWorkingDay);
        cache.set(anchor, d);
      }
      return d;
    },
  };
}

/** 1 per case where the rule's `where` holds, or null when the rule has no `where`. */
function whereMask(log: EventLog, rule: Rule): Uint8Array | null {
  if (rule.where === null) return null;
  const mask = new Uint8Array(log.caseIds.length);
  const column = log.caseAttributes.get(rule.where.attribute);
  if (!column) return mask;
  const wanted = new Set(rule.where.in);
  const ok = column.values.map((v) => wanted.has(v));
  for (let c = 0; c < mask.length; c++) {
    const code = column.codes[c]!;
    mask[c] = code >= 0 && ok[code] ? 1 : 0;
  }
  return mask;
}

function firstCountedDay(days: EventDays, s: number, e: number): number {
  for (let i = s; i < e; i++) if (days.counted[i] === 1) return days.day[i]!;
  return -1;
}

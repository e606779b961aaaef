import type { Rule } from './types';
import { RuleStatusCode } from './types';

/** Role bits of an activity under one rule. */
export const ROLE_A = 1;
export const ROLE_B = 2;
export const ROLE_END = 4;

/** What the per-case checks read: the log's columns, the event days and the rule's roles. */
export interface CaseContext {
  activity: Uint32Array;
  /** Epoch ms per event: "strictly earlier" compares times, so an endedBy at the same moment as B does not end the obligation. */
  timestamp: Float64Array;
  resource: Int32Array;
  day: Int32Array;
  counted: Uint8Array;
  /** Role bits per activity id. */
  roles: Uint8Array;
  asOfDay: number;
  rule: Rule;
  /** The rule's deadline for an anchor day (cached by the caller). */
  deadline: (anchorDay: number) => number;
}

/**
 * A case's verdict: status code, days late (NaN if none), the anchor event (-1 if none) and,
 * when violated, the event where the violation shows in the trace (`RuleOutcome.violationEvent`).
 */
export interface Verdict {
  status: number;
  daysLate: number;
  anchor: number;
  /** Event index of the violation; -1 unless violated. */
  at: number;
}

const { notApplicable: NA, fulfilled: OK, violated: LATE, pending: OPEN } = RuleStatusCode;

/** The first counted event in `[from, to)` with a role bit, or -1. */
export function firstWith(ctx: CaseContext, bit: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (ctx.counted[i] === 1 && (ctx.roles[ctx.activity[i]!]! & bit) !== 0) return i;
  return -1;
}

function valid(ctx: CaseContext, day: number): boolean {
  const { validFrom, validTo } = ctx.rule;
  return (validFrom === null || day >= validFrom) && (validTo === null || day <= validTo);
}

/** within: B within the limit after the first A (domain order of checks (1)-(4)). */
export function checkWithin(ctx: CaseContext, s: number, e: number, out: Verdict): void {
  const anchor = firstWith(ctx, ROLE_A, s, e);
  out.anchor = anchor;
  out.daysLate = Number.NaN;
  out.at = -1;
  if (anchor < 0 || !valid(ctx, ctx.day[anchor]!)) {
    out.status = NA;
    return;
  }
  const d = ctx.deadline(ctx.day[anchor]!);
  let b1 = -1;
  let e1 = -1;
  for (let i = anchor; i < e && (b1 < 0 || e1 < 0); i++) {
    if (ctx.counted[i] !== 1) continue;
    const r = ctx.roles[ctx.activity[i]!]!;
    if (b1 < 0 && (r & ROLE_B) !== 0) b1 = i;
    if (e1 < 0 && (r & ROLE_END) !== 0) e1 = i;
  }
  if (e1 >= 0 && ctx.day[e1]! <= d && (b1 < 0 || ctx.timestamp[e1]! < ctx.timestamp[b1]!)) {
    out.status = NA;
  } else if (b1 >= 0) {
    const late = ctx.day[b1]! - d;
    out.status = late <= 0 ? OK : LATE;
    if (late > 0) {
      out.daysLate = late;
      out.at = b1;
    }
  } else {
    const late = (e1 >= 0 ? ctx.day[e1]! : ctx.asOfDay) - d;
    out.status = late > 0 ? LATE : OPEN;
    if (late > 0) {
      out.daysLate = late;
      out.at = e1 >= 0 ? e1 : anchor;
    }
  }
}

/** atLeast: at least `count` A within the limit after the first B. */
export function checkAtLeast(ctx: CaseContext, s: number, e: number, out: Verdict): void {
  const anchor = firstWith(ctx, ROLE_B, s, e);
  out.anchor = anchor;
  out.daysLate = Number.NaN;
  out.at = -1;
  if (anchor < 0 || !valid(ctx, ctx.day[anchor]!)) {
    out.status = NA;
    return;
  }
  const d = ctx.deadline(ctx.day[anchor]!);
  let found = 0;
  let ended = false;
  for (let i = anchor; i < e && ctx.day[i]! <= d; i++) {
    if (ctx.counted[i] !== 1) continue;
    const r = ctx.roles[ctx.activity[i]!]!;
    if ((r & ROLE_A) !== 0) found++;
    if ((r & ROLE_END) !== 0) ended = true;
  }
  out.status = found >= ctx.rule.count ? OK : ended ? NA : ctx.asOfDay > d ? LATE : OPEN;
  if (out.status === LATE) out.at = anchor;
}

/** order: every B has an A before it (validity on the first B's date). */
export function checkOrder(ctx: CaseContext, s: number, e: number, out: Verdict): void {
  const firstB = firstWith(ctx, ROLE_B, s, e);
  out.anchor = firstB;
  out.daysLate = Number.NaN;
  if (firstB < 0 || !valid(ctx, ctx.day[firstB]!)) out.status = NA;
  else out.status = firstWith(ctx, ROLE_A, s, firstB) >= 0 ? OK : LATE;
  out.at = out.status === LATE ? firstB : -1;
}

/** mustOccur: an A fulfils; none and an endedBy event violates; else pending. */
export function checkMustOccur(ctx: CaseContext, s: number, e: number, out: Verdict): void {
  out.anchor = firstWith(ctx, ROLE_A, s, e);
  out.daysLate = Number.NaN;
  const ended = out.anchor >= 0 ? -1 : firstWith(ctx, ROLE_END, s, e);
  out.status = out.anchor >= 0 ? OK : ended >= 0 ? LATE : OPEN;
  out.at = ended;
}

/** mustNotOccur: an A violates; else fulfilled. */
export function checkMustNotOccur(ctx: CaseContext, s: number, e: number, out: Verdict): void {
  out.anchor = firstWith(ctx, ROLE_A, s, e);
  out.daysLate = Number.NaN;
  out.status = out.anchor >= 0 ? LATE : OK;
  out.at = out.anchor;
}

/** notRepeated: no A is not applicable, one fulfils, more violate. */
export function checkNotRepeated(ctx: CaseContext, s: number, e: number, out: Verdict): void {
  out.anchor = firstWith(ctx, ROLE_A, s, e);
  out.daysLate = Number.NaN;
  out.at = -1;
  if (out.anchor < 0) {
    out.status = NA;
    return;
  }
  const second = firstWith(ctx, ROLE_A, out.anchor + 1, e);
  out.status = second >= 0 ? LATE : OK;
  out.at = second;
}

/** differentResources: the first A and the first B at or after it by different resources. */
export function checkDifferentResources(ctx: CaseContext, s: number, e: number, out: Verdict): void {
  const a = firstWith(ctx, ROLE_A, s, e);
  out.anchor = a;
  out.daysLate = Number.NaN;
  const b = a < 0 ? -1 : firstWith(ctx, ROLE_B, a, e);
  if (b < 0 || ctx.resource[a]! < 0 || ctx.resource[b]! < 0) out.status = NA;
  else out.status = ctx.resource[a] === ctx.resource[b] ? LATE : OK;
  out.at = out.status === LATE ? b : -1;
}

/** The check of each kind. */
export const CHECKS = {
  within: checkWithin,
  atLeast: checkAtLeast,
  order: checkOrder,
  mustOccur: checkMustOccur,
  mustNotOccur: checkMustNotOccur,
  notRepeated: checkNotRepeated,
  differentResources: checkDifferentResources,
} as const;

import { predictWhatIf, RuleStatusCode, type Estimate, type WhatIfChange, type WhatIfPrediction } from '@sagsflow/shared';
import type { StoredLog } from '../db/stored-log';
import { evaluateAttached, type AttachedRules } from './attached-rules';
import { WHATIF_DEFAULTS } from './defaults';

export { WHATIF_DEFAULTS } from './defaults';

/** Options of `whatIfReport`. */
export interface WhatIfReportOptions {
  minutesPerEvent?: number;
  /** The log's attached rule catalogue: which deadlines the change would let cases meet. */
  rules?: AttachedRules | null;
  resamples?: number;
  seed?: number;
}

/** An estimate in seconds with its 95% interval. */
export interface SecondsEstimate {
  seconds: number;
  lowSeconds: number;
  highSeconds: number;
}

/** The answer of `sagsflow whatif` and `GET /api/logs/:name/whatif`. */
export interface WhatIfReport {
  log: string;
  version: number;
  change: WhatIfChange;
  /** Finished cases compared. */
  cases: number;
  throughput: {
    before: { median: SecondsEstimate; p90: SecondsEstimate };
    after: { median: SecondsEstimate; p90: SecondsEstimate };
    medianChange: SecondsEstimate;
    p90Change: SecondsEstimate;
  };
  instancesChanged: number;
  eventsRemoved: number;
  /** Hours of work a year the change saves (0 for a change of waiting time only). */
  hoursSavedPerYear: number;
  /** Where the hours come from: measured processing times, or `minutesPerEvent` for each changed instance. */
  hoursBasis: 'processing-times' | 'minutes-per-event' | 'none';
  /** The span of the log the yearly figure is scaled from, days. */
  spanDays: number;
  /** Per rule of the attached catalogue that any case violates before or after: cases that would now meet it. */
  deadlines: WhatIfDeadline[];
}

/** One rule before and after the change, over every case of the log (finished or not). */
export interface WhatIfDeadline {
  rule: string;
  title: { da: string; en: string };
  violatedBefore: number;
  violatedAfter: number;
  /** Cases that violate the rule today and would fulfil it with the change. */
  wouldMeet: number;
  /** Cases that fulfil it today and would violate it with the change (a slower change). */
  wouldMiss: number;
}

const YEAR_MS = 365.25 * 86_400_000;

/**
 * Predicts what a change would do on the stored log's own finished cases (`predictWhatIf`)
 * and turns it into the figures a manager reads: throughput time before and after with
 * intervals, and the hours of work a year it saves.
 */
export function whatIfReport(stored: StoredLog, change: WhatIfChange, options: WhatIfReportOptions = {}): WhatIfReport {
  const o = { ...WHATIF_DEFAULTS, ...options };
  const closedBy = finishedActivities(stored);
  const p = predictWhatIf(stored.log, change, { closedBy, resamples: o.resamples, seed: o.seed });
  const span = logSpanMs(stored);
  const savesWork = change.waitingFactor === undefined;
  let hours = 0;
  let basis: WhatIfReport['hoursBasis'] = 'none';
  if (savesWork && p.processingSavedMs > 0) {
    hours = p.processingSavedMs / 3_600_000;
    basis = 'processing-times';
  } else if (savesWork && p.instancesChanged > 0) {
    const share = change.processingFactor === undefined ? 1 : 1 - change.processingFactor;
    const instances = change.cutRework ? p.eventsRemoved : p.instancesChanged;
    hours = (instances * share * o.minutesPerEvent) / 60;
    basis = 'minutes-per-event';
  }
  return {
    log: stored.name,
    version: stored.version,
    change,
    cases: p.cases,
    throughput: {
      before: { median: seconds(p.before.median), p90: seconds(p.before.p90) },
      after: { median: seconds(p.after.median), p90: seconds(p.after.p90) },
      medianChange: seconds(p.medianChange),
      p90Change: seconds(p.p90Change),
    },
    instancesChanged: p.instancesChanged,
    eventsRemoved: p.eventsRemoved,
    hoursSavedPerYear: span > 0 ? (hours * YEAR_MS) / Math.max(span, YEAR_MS / 12) : 0,
    hoursBasis: basis,
    spanDays: span / 86_400_000,
    deadlines: o.rules ? deadlineChanges(stored, p, o.rules) : [],
  };
}

function deadlineChanges(stored: StoredLog, p: WhatIfPrediction, rules: AttachedRules): WhatIfDeadline[] {
  const before = evaluateAttached(stored.log, rules);
  const after = evaluateAttached(p.log, rules, before.asOfDay);
  const out: WhatIfDeadline[] = [];
  before.outcomes.forEach((outcome, r) => {
    const changed = after.outcomes[r]!.status;
    let wouldMeet = 0;
    let wouldMiss = 0;
    let violatedAfter = 0;
    for (let c = 0; c < outcome.status.length; c++) {
      const m = p.caseMap[c]!;
      const now = m < 0 ? RuleStatusCode.notApplicable : changed[m]!;
      if (now === RuleStatusCode.violated) violatedAfter++;
      if (outcome.status[c] === RuleStatusCode.violated && now === RuleStatusCode.fulfilled) wouldMeet++;
      if (outcome.status[c] === RuleStatusCode.fulfilled && now === RuleStatusCode.violated) wouldMiss++;
    }
    if (outcome.counts.violated > 0 || violatedAfter > 0) {
      out.push({
        rule: outcome.rule.id,
        title: outcome.rule.title,
        violatedBefore: outcome.counts.violated,
        violatedAfter,
        wouldMeet,
        wouldMiss,
      });
    }
  });
  return out;
}

/** The last activities of the finished cases: what `predictWhatIf` counts as finishing a case. */
export function finishedActivities(stored: StoredLog): string[] {
  const names = new Set<string>();
  const { log } = stored;
  for (let c = 0; c < log.caseIds.length; c++) {
    if (stored.finished[c]) names.add(log.activities[log.activity[log.caseOffsets[c + 1]! - 1]!]!);
  }
  return [...names];
}

function logSpanMs(stored: StoredLog): number {
  let first = Infinity;
  let last = -Infinity;
  for (const t of stored.log.timestamp) {
    if (t < first) first = t;
    if (t > last) last = t;
  }
  return Number.isFinite(first) ? last - first : 0;
}

function seconds(e: Estimate): SecondsEstimate {
  return { seconds: e.value / 1000, lowSeconds: e.low / 1000, highSeconds: e.high / 1000 };
}

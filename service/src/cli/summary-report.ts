import { discoverDfg, discoverVariants, durationStatsInPlace } from '@sagsflow/shared';
import type { Dfg, DurationStats, EventLog, Variants } from '@sagsflow/shared';
import type { ReadCounts } from '../readers/index';
import { endActivitiesOf, inferEndActivities, type EndActivities, type EndActivitySource } from '../precompute/end-activities';

/** The `sagsflow summary --json` document (the shape is a public contract; extra keys allowed). */
export interface SummaryReport {
  rows: ReadCounts;
  cases: number;
  events: number;
  activities: number;
  startActivities: Record<string, number>;
  endActivities: Record<string, number>;
  dfg: { from: string; to: string; count: number; cases: number; meanSeconds: number; medianSeconds: number }[];
  variants: { count: number; top: { activities: string[]; cases: number; share: number; meanSeconds: number }[] };
  caseDuration: { meanSeconds: number; medianSeconds: number };
  timeSpan: { first: string | null; last: string | null };
  /**
   * Finished and open cases: a case is finished when its last activity is an end activity
   * (the mapping's `endActivities`, else the process definition's, else inferred from the log);
   * the durations are of the finished cases.
   */
  finished: {
    cases: number;
    openCases: number;
    endActivities: string[];
    endActivitiesSource: EndActivitySource;
    caseDuration: { meanSeconds: number; medianSeconds: number; p90Seconds: number };
  };
  /** What the read did with exact duplicates (dropped or kept) and how many it saw. */
  duplicates: { policy: string; identical: number };
}

/** What `summarizeLog` needs besides the log and the row counts. */
export interface SummaryContext {
  /** The mapping's `endActivities`, when given. */
  endActivities?: readonly string[] | undefined;
  /** The process the file is of (decides the end activities when it is a known one); default: none. */
  process?: string | undefined;
  duplicatePolicy?: string;
  identical?: number;
}

const TOP_VARIANTS = 10;

/** Mines a log into the summary document: directly-follows graph, variants, case durations. */
export function summarizeLog(log: EventLog, rows: ReadCounts, context: SummaryContext = {}): SummaryReport {
  return assemble(discoverDfg(log), mineCases(log, context), log, rows, context);
}

/** What the summary takes from the variants and the case durations. */
interface MinedCases {
  variants: Variants;
  first: number;
  last: number;
  caseDuration: DurationStats;
  ends: EndActivities;
  finished: number;
  finishedDuration: DurationStats;
}

function mineCases(log: EventLog, context: SummaryContext): MinedCases {
  const variants = discoverVariants(log);
  // Case durations straight from the case offsets (no object per case).
  const caseCount = log.caseIds.length;
  const { caseOffsets, timestamp } = log;
  const durations = new Float64Array(caseCount);
  let first = Infinity;
  let last = -Infinity;
  for (let c = 0; c < caseCount; c++) {
    const start = timestamp[caseOffsets[c]!]!;
    const end = timestamp[caseOffsets[c + 1]! - 1]!;
    durations[c] = end - start;
    if (start < first) first = start;
    if (end > last) last = end;
  }
  const ends = endActivitiesOf(context.process ?? '', context.endActivities, () => inferEndActivities(log, () => true));
  const endSet = new Set(ends.activities);
  const finishedDurations: number[] = [];
  for (let c = 0; c < caseCount; c++) {
    if (endSet.has(log.activities[log.activity[caseOffsets[c + 1]! - 1]!]!)) finishedDurations.push(durations[c]!);
  }
  const finishedDuration = durationStatsInPlace(Float64Array.from(finishedDurations));
  // The last use of `durations`: the selection reorders it.
  const caseDuration = durationStatsInPlace(durations);
  return { variants, first, last, caseDuration, ends, finished: finishedDurations.length, finishedDuration };
}

function assemble(dfg: Dfg, mined: MinedCases, log: EventLog, rows: ReadCounts, context: SummaryContext): SummaryReport {
  const { variants, first, last, caseDuration, ends, finished, finishedDuration } = mined;
  const caseCount = log.caseIds.length;
  return {
    rows,
    cases: caseCount,
    events: log.activity.length,
    activities: countUsedActivities(log),
    startActivities: Object.fromEntries(dfg.startActivities),
    endActivities: Object.fromEntries(dfg.endActivities),
    dfg: dfg.edges.map((e) => ({
      from: e.from,
      to: e.to,
      count: e.count,
      cases: e.cases,
      meanSeconds: e.duration.mean / 1000,
      medianSeconds: e.duration.median / 1000,
    })),
    variants: {
      count: variants.variants.length,
      top: variants.variants.slice(0, TOP_VARIANTS).map((v) => ({
        activities: v.activities,
        cases: v.cases,
        share: v.share,
        meanSeconds: v.meanDurationMs / 1000,
      })),
    },
    caseDuration: {
      meanSeconds: caseCount ? caseDuration.mean / 1000 : 0,
      medianSeconds: caseCount ? caseDuration.median / 1000 : 0,
    },
    timeSpan: {
      first: Number.isFinite(first) ? new Date(first).toISOString() : null,
      last: Number.isFinite(last) ? new Date(last).toISOString() : null,
    },
    finished: {
      cases: finished,
      openCases: caseCount - finished,
      endActivities: ends.activities,
      endActivitiesSource: ends.source,
      caseDuration: {
        meanSeconds: finished ? finishedDuration.mean / 1000 : 0,
        medianSeconds: finished ? finishedDuration.median / 1000 : 0,
        p90Seconds: finished ? finishedDuration.p90 / 1000 : 0,
      },
    },
    duplicates: { policy: context.duplicatePolicy ?? 'drop', identical: context.identical ?? rows.duplicates },
  };
}

function countUsedActivities(log: EventLog): number {
  const seen = new Uint8Array(log.activities.length);
  let n = 0;
  for (let e = 0; e < log.activity.length; e++) {
    const a = log.activity[e]!;
    if (!seen[a]) {
      seen[a] = 1;
      n++;
    }
  }
  return n;
}

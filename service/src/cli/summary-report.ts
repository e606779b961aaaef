import { discoverDfg, discoverVariants, caseStatistics, durationStats } from '../../../shared/src/index';
import type { EventLog } from '../../../shared/src/index';
import type { ReadCounts } from '../readers/index';

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
}

const TOP_VARIANTS = 10;

/** Mines a log into the summary document: directly-follows graph, variants, case durations. */
export function summarizeLog(log: EventLog, rows: ReadCounts): SummaryReport {
  const dfg = discoverDfg(log);
  const variants = discoverVariants(log);
  const cases = caseStatistics(log, { variants });
  const durations = new Float64Array(cases.length);
  let first = Infinity;
  let last = -Infinity;
  cases.forEach((c, i) => {
    durations[i] = c.durationMs;
    if (c.start < first) first = c.start;
    if (c.end > last) last = c.end;
  });
  const caseDuration = durationStats(durations);
  return {
    rows,
    cases: log.caseIds.length,
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
      meanSeconds: cases.length ? caseDuration.mean / 1000 : 0,
      medianSeconds: cases.length ? caseDuration.median / 1000 : 0,
    },
    timeSpan: {
      first: Number.isFinite(first) ? new Date(first).toISOString() : null,
      last: Number.isFinite(last) ? new Date(last).toISOString() : null,
    },
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

import { STEP_START, type StepRow } from '@sagsflow/shared';
import { monthOf, type RowDimensions } from './row-dimensions';
import { throughput, type Throughput } from './throughput';

/** One month of the trend: cases started and their median throughput time. */
export interface TrendPoint {
  readonly period: string;
  readonly cases: number;
  readonly medianSeconds: number;
}

/** What the data the visual was given is filtered to, as seen in its rows. */
export interface FilterSummary {
  readonly jobcenters: readonly string[] | null;
  /** First and last month, or null when the period is not bound. */
  readonly periods: readonly [string, string] | null;
  readonly processes: readonly string[] | null;
}

/** The key figures above the map. */
export interface KeyFigures {
  readonly cases: number;
  /** Cases that ended with an end activity of their process; null when the rows do not say. */
  readonly finishedCases: number | null;
  readonly throughput: Throughput | null;
  /** By month of case start, oldest first; empty without a bound period. */
  readonly trend: readonly TrendPoint[];
  readonly filters: FilterSummary;
}

/**
 * Key figures of step rows: cases (the step-0 rows' cases), finished cases (when the rows
 * say, `StepRow.finished`, whether their variant ended with an end activity), throughput
 * time of the finished cases (`throughput`), a monthly trend and the filter summary from
 * the rows' dimensions.
 */
export function keyFigures(rows: readonly StepRow[], dims: RowDimensions): KeyFigures {
  const finishedKnown = rows.some((row) => row.finished !== undefined);
  let cases = 0;
  let finishedCases = 0;
  const byMonth = new Map<string, StepRow[]>();
  const seen = { jobcenter: new Set<string>(), period: new Set<string>(), process: new Set<string>() };
  rows.forEach((row, i) => {
    const first = row.stepIndex === 0 || row.from === STEP_START;
    if (first) {
      cases += row.cases;
      if (row.finished !== false) finishedCases += row.cases;
    }
    if (dims.jobcenter) seen.jobcenter.add(dims.jobcenter[i] ?? '');
    if (dims.process) seen.process.add(dims.process[i] ?? '');
    if (dims.period) {
      const month = monthOf(dims.period[i] ?? '');
      seen.period.add(month);
      const list = byMonth.get(month);
      if (list) list.push(row);
      else byMonth.set(month, [row]);
    }
  });
  const trend = [...byMonth.keys()].sort().map((period) => {
    const monthRows = byMonth.get(period)!;
    const monthCases = monthRows.reduce((sum, r) => sum + (r.stepIndex === 0 ? r.cases : 0), 0);
    return { period, cases: monthCases, medianSeconds: throughput(monthRows)?.median ?? Number.NaN };
  });
  const sorted = (set: Set<string>) => [...set].filter(Boolean).sort();
  const periods = sorted(seen.period);
  return {
    cases,
    finishedCases: finishedKnown ? finishedCases : null,
    throughput: throughput(rows),
    trend,
    filters: {
      jobcenters: dims.jobcenter ? sorted(seen.jobcenter) : null,
      periods: dims.period && periods.length > 0 ? [periods[0]!, periods[periods.length - 1]!] : null,
      processes: dims.process ? sorted(seen.process) : null,
    },
  };
}

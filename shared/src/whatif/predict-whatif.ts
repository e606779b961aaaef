import type { EventLog } from '../event-log/types';
import { bootstrapIntervals, type BootstrapOptions, type Estimate } from '../statistics/bootstrap';
import { quantileInPlace } from '../statistics/select-quantile';
import { applyChange, type AppliedChange, type WhatIfChange } from './apply-change';

/** Options of `predictWhatIf` (200 resamples unless `resamples` says otherwise). */
export interface WhatIfOptions extends BootstrapOptions {
  /** End activities that finish a case; only finished cases enter the throughput times. Without it, every case. */
  closedBy?: readonly string[];
}

/** Median and 90th percentile of throughput time, ms, each with its bootstrap interval. */
export interface ThroughputEstimate {
  median: Estimate;
  p90: Estimate;
}

/** What a change would do to the log's own finished cases. */
export interface WhatIfPrediction extends AppliedChange {
  /** Finished cases whose throughput time is compared. */
  cases: number;
  before: ThroughputEstimate;
  after: ThroughputEstimate;
  /** after − before of the median, with its interval (paired resampling of cases). */
  medianChange: Estimate;
  p90Change: Estimate;
  /** Throughput time per compared case before and after, ms, paired by position. */
  beforeMs: Float64Array;
  afterMs: Float64Array;
  /** The compared cases' indices in the input log. */
  caseIndices: Uint32Array;
}

/**
 * Predicts the effect of a change by replaying the log's own cases with it (`applyChange`)
 * and comparing the throughput times of the finished cases before and after, with
 * percentile-bootstrap intervals from resampling cases (the same cases for both, so the
 * interval of the change is paired). A case that loses every event counts with 0 after.
 *
 * @example
 * const p = predictWhatIf(log, { activity: 'Visitation', waitingFactor: 0 }, { closedBy: ['Afsluttet'] });
 * p.after.median.value; p.medianChange.low;
 */
export function predictWhatIf(log: EventLog, change: WhatIfChange, options: WhatIfOptions = {}): WhatIfPrediction {
  const applied = applyChange(log, change);
  const closing = new Set(options.closedBy ?? log.activities);
  const indices: number[] = [];
  for (let c = 0; c < log.caseIds.length; c++) {
    const last = log.caseOffsets[c + 1]! - 1;
    if (closing.has(log.activities[log.activity[last]!]!)) indices.push(c);
  }
  const caseIndices = Uint32Array.from(indices);
  const beforeMs = new Float64Array(indices.length);
  const afterMs = new Float64Array(indices.length);
  indices.forEach((c, i) => {
    beforeMs[i] = caseDuration(log, c);
    const m = applied.caseMap[c]!;
    afterMs[i] = m < 0 ? 0 : caseDuration(applied.log, m);
  });
  const scratchA = new Float64Array(indices.length);
  const scratchB = new Float64Array(indices.length);
  const [bMedian, bP90, aMedian, aP90, dMedian, dP90] = bootstrapIntervals(
    indices.length,
    (draw) => {
      const [b50, b90] = medianAndP90(beforeMs, draw, scratchA);
      const [a50, a90] = medianAndP90(afterMs, draw, scratchB);
      return [b50, b90, a50, a90, a50 - b50, a90 - b90];
    },
    { resamples: 200, ...options },
  ) as [Estimate, Estimate, Estimate, Estimate, Estimate, Estimate];
  return {
    ...applied,
    cases: indices.length,
    before: { median: bMedian, p90: bP90 },
    after: { median: aMedian, p90: aP90 },
    medianChange: dMedian,
    p90Change: dP90,
    beforeMs,
    afterMs,
    caseIndices,
  };
}

function caseDuration(log: EventLog, c: number): number {
  return log.timestamp[log.caseOffsets[c + 1]! - 1]! - log.timestamp[log.caseOffsets[c]!]!;
}

function medianAndP90(values: Float64Array, draw: Uint32Array, scratch: Float64Array): [number, number] {
  for (let i = 0; i < draw.length; i++) scratch[i] = values[draw[i]!]!;
  const median = quantileInPlace(scratch, 0.5);
  return [median.value, quantileInPlace(scratch, 0.9, Math.max(0, median.index)).value];
}

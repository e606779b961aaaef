import { MisuseError, quote } from '../errors';
import type { EventLog } from '../event-log/types';
import { stratifiedBootstrap, type BootstrapOptions, type Estimate } from '../statistics/bootstrap';
import { quantileSorted } from '../statistics/duration-stats';
import { medianReplicates } from '../statistics/order-statistic-bootstrap';
import { seededRandom } from '../statistics/seeded-random';

/** Per-case results of one rule: 1 fulfilled, 2 violated, anything else does not count. */
export interface RuleOutcomes {
  id: string;
  status: Uint8Array;
}

/** Options of `measureEffect`. */
export interface EffectOptions extends BootstrapOptions {
  /** The moment the change took effect, epoch ms; cases are placed before or after it by their start. */
  changeAt: number;
  /** 1 for each case of the units that changed (e.g. one jobcenter's cases); without it every case. */
  treated?: Uint8Array;
  /** End activities that finish a case; throughput time is of finished cases. Without it, every case. */
  closedBy?: readonly string[];
  /** Per-case rule outcomes whose compliance rates are compared too. */
  rules?: readonly RuleOutcomes[];
  /** Fewest cases (or waits) a group needs for a figure to be compared; default 5. */
  minimumGroupSize?: number;
  /** Most edges whose waiting times are compared (the busiest first); default 25. */
  maxEdges?: number;
}

/** Which comparison the before period is. */
export type EffectMethod = 'same-months-previous-year' | 'adjacent-period';

/** One group's figure before and after the change. */
export interface GroupFigures {
  before: number;
  after: number;
  beforeCount: number;
  afterCount: number;
}

/** One compared figure. */
export interface EffectMetric {
  metric: 'throughput' | 'rework' | 'waiting' | 'compliance';
  /** '' for throughput and rework, `from → to` for a wait, the rule id for compliance. */
  key: string;
  /** Medians in ms, or shares in 0..1. */
  unit: 'ms' | 'share';
  treated: GroupFigures;
  control: GroupFigures | null;
  /** The treated group's after − before, with its interval. */
  change: Estimate;
  /** Difference in differences against the control group, with its interval; null without a control group. */
  difference: Estimate | null;
  /** The interval of the estimate that counts (`difference` where there is one, else `change`) excludes 0. */
  detected: boolean;
}

/** What changed at `changeAt`, and how sure that is. */
export interface Effect {
  method: EffectMethod;
  before: { from: number; to: number };
  after: { from: number; to: number };
  metrics: EffectMetric[];
}

const BEFORE_T = 0;
const AFTER_T = 1;
const BEFORE_C = 2;
const AFTER_C = 3;

/**
 * Key figures before and after a change, with percentile-bootstrap intervals (resampling
 * within each group), and a difference-in-differences estimate against the cases that did
 * not change when there are any: (treated after − before) − (control after − before).
 *
 * Cases belong to a period by their first event. The after period runs from `changeAt` to
 * the last case start. The before period is the same stretch of the calendar one year
 * earlier when the log covers it (so seasons compare with themselves:
 * `same-months-previous-year`), else the equally long stretch just before the change
 * (`adjacent-period`). Figures: median throughput time of finished cases, the share of
 * cases that repeat an activity (rework), the median wait on each busy edge, and each
 * rule's compliance rate. A figure with a group under `minimumGroupSize` is left out.
 *
 * @example
 * const effect = measureEffect(log, { changeAt: Date.UTC(2025, 5, 1), treated: nordMask, closedBy: ['Afsluttet'] });
 */
export function measureEffect(log: EventLog, options: EffectOptions): Effect {
  if (!Number.isFinite(options.changeAt)) throw new MisuseError(`measureEffect: changeAt must be epoch ms, got ${quote(options.changeAt)}`);
  const caseCount = log.caseIds.length;
  if (options.treated && options.treated.length !== caseCount) {
    throw new MisuseError(`measureEffect: treated has ${options.treated.length} entries, expected one per case (${caseCount})`);
  }
  const starts = new Float64Array(caseCount);
  for (let c = 0; c < caseCount; c++) starts[c] = log.timestamp[log.caseOffsets[c]!]!;
  const { method, before, after } = choosePeriods(starts, options.changeAt);
  const cell = new Int8Array(caseCount).fill(-1);
  let controlCases = 0;
  for (let c = 0; c < caseCount; c++) {
    const t = starts[c]!;
    const control = options.treated !== undefined && options.treated[c] !== 1;
    if (t >= after.from && t <= after.to) cell[c] = control ? AFTER_C : AFTER_T;
    else if (t >= before.from && t < before.to) cell[c] = control ? BEFORE_C : BEFORE_T;
    if (control && cell[c]! >= 0) controlCases++;
  }
  const k = options.minimumGroupSize ?? 5;
  const metrics: EffectMetric[] = [];
  const push = (metric: EffectMetric['metric'], key: string, unit: EffectMetric['unit'], cells: number[][]) => {
    const result = compare(metric, key, unit, cells, controlCases > 0, k, options);
    if (result) metrics.push(result);
  };
  push('throughput', '', 'ms', throughputCells(log, cell, options.closedBy));
  push('rework', '', 'share', reworkCells(log, cell));
  for (const [key, cells] of waitingCells(log, cell, options.maxEdges ?? 25)) push('waiting', key, 'ms', cells);
  for (const rule of options.rules ?? []) push('compliance', rule.id, 'share', ruleCells(rule, cell));
  return { method, before, after, metrics };
}

function choosePeriods(starts: Float64Array, changeAt: number): Pick<Effect, 'method' | 'before' | 'after'> {
  let first = Infinity;
  let last = -Infinity;
  for (const t of starts) {
    if (t < first) first = t;
    if (t > last) last = t;
  }
  if (!(last >= changeAt))
    throw new MisuseError(
      `measureEffect: no case starts on or after the change (${new Date(changeAt).toISOString()}); the log ends ${Number.isFinite(last) ? new Date(last).toISOString() : 'empty'}`,
    );
  if (!(first < changeAt))
    throw new MisuseError(
      `measureEffect: no case starts before the change (${new Date(changeAt).toISOString()}); the log starts ${new Date(first).toISOString()}`,
    );
  const after = { from: changeAt, to: last };
  const span = last - changeAt;
  const yearEarlier = (t: number) => {
    const d = new Date(t);
    return Date.UTC(
      d.getUTCFullYear() - 1,
      d.getUTCMonth(),
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    );
  };
  const from = yearEarlier(changeAt);
  const to = yearEarlier(last);
  if (first <= from && to < changeAt) return { method: 'same-months-previous-year', before: { from, to }, after };
  return { method: 'adjacent-period', before: { from: Math.max(first, changeAt - span), to: changeAt }, after };
}

function throughputCells(log: EventLog, cell: Int8Array, closedBy: readonly string[] | undefined): number[][] {
  const closing = new Set(closedBy ?? log.activities);
  const cells: number[][] = [[], [], [], []];
  for (let c = 0; c < cell.length; c++) {
    if (cell[c]! < 0) continue;
    const last = log.caseOffsets[c + 1]! - 1;
    if (!closing.has(log.activities[log.activity[last]!]!)) continue;
    cells[cell[c]!]!.push(log.timestamp[last]! - log.timestamp[log.caseOffsets[c]!]!);
  }
  return cells;
}

function reworkCells(log: EventLog, cell: Int8Array): number[][] {
  const cells: number[][] = [[], [], [], []];
  const seen = new Int32Array(log.activities.length).fill(-1);
  for (let c = 0; c < cell.length; c++) {
    if (cell[c]! < 0) continue;
    let repeated = 0;
    for (let e = log.caseOffsets[c]!; e < log.caseOffsets[c + 1]!; e++) {
      const a = log.activity[e]!;
      if (seen[a] === c) repeated = 1;
      seen[a] = c;
    }
    cells[cell[c]!]!.push(repeated);
  }
  return cells;
}

function waitingCells(log: EventLog, cell: Int8Array, maxEdges: number): Array<[string, number[][]]> {
  const byEdge = new Map<number, number[][]>();
  const width = log.activities.length;
  for (let c = 0; c < cell.length; c++) {
    const group = cell[c]!;
    if (group < 0) continue;
    for (let e = log.caseOffsets[c]! + 1; e < log.caseOffsets[c + 1]!; e++) {
      const key = log.activity[e - 1]! * width + log.activity[e]!;
      let cells = byEdge.get(key);
      if (!cells) byEdge.set(key, (cells = [[], [], [], []]));
      cells[group]!.push(log.timestamp[e]! - log.timestamp[e - 1]!);
    }
  }
  return [...byEdge]
    .map(([key, cells]) => ({ key, cells, volume: cells[BEFORE_T]!.length + cells[AFTER_T]!.length }))
    .sort((a, b) => b.volume - a.volume || a.key - b.key)
    .slice(0, maxEdges)
    .map(({ key, cells }) => [`${log.activities[Math.floor(key / width)]} → ${log.activities[key % width]}`, cells]);
}

function ruleCells(rule: RuleOutcomes, cell: Int8Array): number[][] {
  const cells: number[][] = [[], [], [], []];
  for (let c = 0; c < cell.length; c++) {
    const status = rule.status[c];
    if (cell[c]! >= 0 && (status === 1 || status === 2)) cells[cell[c]!]!.push(status === 1 ? 1 : 0);
  }
  return cells;
}

/** Changes (and differences in differences) of medians: one sort per group, order-statistic replicates. */
function medianIntervals(
  samples: Float64Array[],
  withControl: boolean,
  resamples: number,
  options: BootstrapOptions,
): Array<Estimate | undefined> {
  for (const values of samples) values.sort();
  const random = seededRandom(options.seed ?? 1);
  const replicates = samples.map((values) => medianReplicates(values, resamples, random));
  const point = samples.map((values) => quantileSorted(values, 0.5));
  const changeOf = (f: ArrayLike<number>) => f[1]! - f[0]!;
  const differenceOf = (f: ArrayLike<number>) => f[1]! - f[0]! - (f[3]! - f[2]!);
  const estimate = (of: (f: ArrayLike<number>) => number) => {
    const values = new Float64Array(resamples);
    for (let r = 0; r < resamples; r++) values[r] = of(replicates.map((x) => x[r]!));
    return percentileInterval(of(point), values, options.level ?? 0.95);
  };
  return [estimate(changeOf), withControl ? estimate(differenceOf) : undefined];
}

/** Changes of shares (means of 0/1 values) by resampling each group. */
function shareIntervals(
  samples: Float64Array[],
  withControl: boolean,
  resamples: number,
  options: BootstrapOptions,
): Array<Estimate | undefined> {
  const shareOf = (s: number, draw: Uint32Array) => {
    let sum = 0;
    for (let i = 0; i < draw.length; i++) sum += samples[s]![draw[i]!]!;
    return sum / draw.length;
  };
  return stratifiedBootstrap(
    samples.map((s) => s.length),
    (draws) => {
      const f = draws.map((draw, s) => shareOf(s, draw));
      const changeT = f[1]! - f[0]!;
      return withControl ? [changeT, changeT - (f[3]! - f[2]!)] : [changeT];
    },
    { resamples, seed: options.seed, level: options.level },
  );
}

function percentileInterval(value: number, replicates: Float64Array, level: number): Estimate {
  replicates.sort();
  return { value, low: quantileSorted(replicates, (1 - level) / 2), high: quantileSorted(replicates, (1 + level) / 2) };
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function compare(
  metric: EffectMetric['metric'],
  key: string,
  unit: EffectMetric['unit'],
  cells: number[][],
  withControl: boolean,
  k: number,
  options: BootstrapOptions,
): EffectMetric | null {
  const used = withControl ? [BEFORE_T, AFTER_T, BEFORE_C, AFTER_C] : [BEFORE_T, AFTER_T];
  if (used.some((i) => cells[i]!.length < k)) return null;
  const samples = used.map((i) => Float64Array.from(cells[i]!));
  const resamples = options.resamples ?? 200;
  const [change, difference] =
    unit === 'ms' ? medianIntervals(samples, withControl, resamples, options) : shareIntervals(samples, withControl, resamples, options);
  const point = samples.map((values) => (unit === 'share' ? mean(values) : quantileSorted(values, 0.5)));
  const group = (b: number, a: number): GroupFigures => ({
    before: point[b]!,
    after: point[a]!,
    beforeCount: samples[b]!.length,
    afterCount: samples[a]!.length,
  });
  const decisive = difference ?? change!;
  return {
    metric,
    key,
    unit,
    treated: group(0, 1),
    control: withControl ? group(2, 3) : null,
    change: change!,
    difference: difference ?? null,
    detected: decisive.low > 0 || decisive.high < 0,
  };
}

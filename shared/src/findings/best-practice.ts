import { compareText } from '../compare-text';
import { quantileInPlace } from '../statistics/select-quantile';
import { bootstrapThinned, thinnedSample, wilsonInterval, type Interval } from './intervals';

/** What a way of working is measured on. */
export type OutcomeMeasure = 'duration' | 'compliance' | 'conformance' | 'outcome';

/** The ways of working compared: the variant a case took, or its jobcenter. */
export type GroupDimension = 'variant' | 'jobcenter';

/** One group's figure: a median duration (ms) or a rate (0..1), with its 95 % interval. */
export interface GroupOutcome {
  group: string;
  cases: number;
  value: number;
  /** Wilson interval for rates; for durations the bootstrap interval of the median. */
  interval: Interval;
}

/** The best group on one measure against all other cases. */
export interface BestPractice {
  dimension: GroupDimension;
  measure: OutcomeMeasure;
  best: GroupOutcome;
  rest: GroupOutcome;
  /** How much better the best group is: ms shorter (durations) or rate points higher (rates). */
  difference: number;
  /** 95 % interval of `difference`: bootstrap (durations) or Newcombe's hybrid Wilson interval (rates). */
  differenceInterval: Interval;
  /** The interval lies wholly above 0. */
  significant: boolean;
  /** Every group of at least k cases, best first. */
  groups: GroupOutcome[];
}

/** Per case its group and its value on a measure (NaN = no value: not finished, not checked). */
export interface MeasureInput {
  dimension: GroupDimension;
  measure: OutcomeMeasure;
  groupNames: readonly string[];
  groupOf: Int32Array;
  /** Duration in ms, or 1/0 for a rate. */
  values: Float64Array;
  minGroupSize: number;
  resamples: number;
  seed: number;
}

/**
 * Compares the groups of `input` on one measure and names the best: the lowest median duration
 * or the highest rate among groups of at least k cases whose rest also has at least k cases.
 * Null with fewer than 2 such groups.
 *
 * @example compareGroups({ dimension: 'jobcenter', measure: 'duration', ... })?.best.group // 'Jobcenter Nord'
 */
export function compareGroups(input: MeasureInput): BestPractice | null {
  const { values, groupOf, minGroupSize: k } = input;
  const isRate = input.measure !== 'duration';
  const members: number[][] = input.groupNames.map(() => []);
  let total = 0;
  for (let c = 0; c < values.length; c++) {
    if (Number.isNaN(values[c]!) || groupOf[c]! < 0) continue;
    members[groupOf[c]!]!.push(c);
    total++;
  }
  const eligible = members.map((m, g) => ({ g, m })).filter(({ m }) => m.length >= k && total - m.length >= k);
  if (eligible.length < 2) return null;
  const figure = (cases: readonly number[], group: string): GroupOutcome => {
    if (isRate) {
      let s = 0;
      for (const c of cases) s += values[c]!;
      return { group, cases: cases.length, value: s / cases.length, interval: wilsonInterval(s, cases.length) };
    }
    const v = Float64Array.from(cases, (c) => values[c]!);
    return { group, cases: cases.length, value: quantileInPlace(v, 0.5).value, interval: { low: Number.NaN, high: Number.NaN } };
  };
  const groups = eligible
    .map(({ g, m }) => figure(m, input.groupNames[g]!))
    .sort((a, b) => (isRate ? b.value - a.value : a.value - b.value) || b.cases - a.cases || compareText(a.group, b.group));
  const best = groups[0]!;
  const bestIndex = input.groupNames.indexOf(best.group);
  const restCases: number[] = [];
  for (let c = 0; c < values.length; c++) if (!Number.isNaN(values[c]!) && groupOf[c]! >= 0 && groupOf[c] !== bestIndex) restCases.push(c);
  const rest = figure(restCases, '');
  let difference: number;
  let interval: Interval;
  if (isRate) {
    difference = best.value - rest.value;
    interval = newcombe(best, rest);
  } else {
    const a = members[bestIndex]!.map((c) => values[c]!);
    const b = restCases.map((c) => values[c]!);
    difference = rest.value - best.value;
    // Each group is sorted and thinned once for its three bootstraps.
    const ta = thinnedSample(a);
    const tb = thinnedSample(b);
    interval = bootstrapThinned(ta, tb, { resamples: input.resamples, seed: input.seed });
    best.interval = medianInterval(ta, input);
    rest.interval = medianInterval(tb, { ...input, seed: input.seed + 1 });
  }
  return {
    dimension: input.dimension,
    measure: input.measure,
    best,
    rest,
    difference,
    differenceInterval: interval,
    significant: interval.low > 0,
    groups,
  };
}

/** Newcombe's hybrid score interval (method 10) of p1 - p2 from the two Wilson intervals. */
function newcombe(x: GroupOutcome, y: GroupOutcome): Interval {
  const d = x.value - y.value;
  return {
    low: d - Math.sqrt((x.value - x.interval.low) ** 2 + (y.interval.high - y.value) ** 2),
    high: d + Math.sqrt((x.interval.high - x.value) ** 2 + (y.value - y.interval.low) ** 2),
  };
}

/** A sample of the single value 0 (thinned as it is). */
const ZERO = Float64Array.of(0);

function medianInterval(thinned: Float64Array, input: { resamples: number; seed: number }): Interval {
  // median(v) - median(0) over resamples of v alone: the bootstrap interval of the median.
  return bootstrapThinned(ZERO, thinned, { resamples: input.resamples, seed: input.seed });
}

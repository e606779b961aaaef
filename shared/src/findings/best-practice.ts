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
  // The cases with a value, grouped (case order within a group): group g's are members[offsets[g] .. offsets[g+1]).
  const groupCount = input.groupNames.length;
  const offsets = new Uint32Array(groupCount + 1);
  countByGroup(values, groupOf, offsets);
  for (let g = 0; g < groupCount; g++) offsets[g + 1]! += offsets[g]!;
  const total = offsets[groupCount]!;
  const members = new Uint32Array(total);
  fillByGroup(values, groupOf, offsets.slice(0, groupCount), members);
  const groupCases = (g: number) => members.subarray(offsets[g]!, offsets[g + 1]!);
  const eligible: number[] = [];
  for (let g = 0; g < groupCount; g++) {
    const size = offsets[g + 1]! - offsets[g]!;
    if (size >= k && total - size >= k) eligible.push(g);
  }
  if (eligible.length < 2) return null;
  const figure = (cases: Uint32Array, group: string): GroupOutcome => {
    if (isRate) {
      let s = 0;
      for (let i = 0; i < cases.length; i++) s += values[cases[i]!]!;
      return { group, cases: cases.length, value: s / cases.length, interval: wilsonInterval(s, cases.length) };
    }
    return {
      group,
      cases: cases.length,
      value: quantileInPlace(valuesOf(cases), 0.5).value,
      interval: { low: Number.NaN, high: Number.NaN },
    };
  };
  const groups = eligible
    .map((g) => figure(groupCases(g), input.groupNames[g]!))
    .sort((a, b) => (isRate ? b.value - a.value : a.value - b.value) || b.cases - a.cases || compareText(a.group, b.group));
  const best = groups[0]!;
  const bestIndex = input.groupNames.indexOf(best.group);
  const restCases = casesOutside(values, groupOf, bestIndex, total - (offsets[bestIndex + 1]! - offsets[bestIndex]!));
  const rest = figure(restCases, '');
  let difference: number;
  let interval: Interval;
  if (isRate) {
    difference = best.value - rest.value;
    interval = newcombe(best, rest);
  } else {
    difference = rest.value - best.value;
    // Each group is sorted and thinned once for its three bootstraps.
    const ta = thinnedSample(valuesOf(groupCases(bestIndex)));
    const tb = thinnedSample(valuesOf(restCases));
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

  function valuesOf(cases: Uint32Array): Float64Array {
    const out = new Float64Array(cases.length);
    for (let i = 0; i < cases.length; i++) out[i] = values[cases[i]!]!;
    return out;
  }
}

// The loops over every case are functions of their own: compiled on stack (OSR) inside
// `compareGroups`, they left its code after them without type feedback, to deoptimise at each call.

/** Counts the cases with a value of each group g into `offsets[g + 1]`. */
function countByGroup(values: Float64Array, groupOf: Int32Array, offsets: Uint32Array): void {
  for (let c = 0; c < values.length; c++) if (!Number.isNaN(values[c]!) && groupOf[c]! >= 0) offsets[groupOf[c]! + 1]!++;
}

/** Writes the cases with a value into `members` by group (case order within a group), group g's from `fill[g]` on. */
function fillByGroup(values: Float64Array, groupOf: Int32Array, fill: Uint32Array, members: Uint32Array): void {
  for (let c = 0; c < values.length; c++) if (!Number.isNaN(values[c]!) && groupOf[c]! >= 0) members[fill[groupOf[c]!]!++] = c;
}

/** The `count` cases with a value and a group other than `group`, in case order. */
function casesOutside(values: Float64Array, groupOf: Int32Array, group: number, count: number): Uint32Array {
  const out = new Uint32Array(count);
  for (let c = 0, r = 0; c < values.length; c++) {
    if (!Number.isNaN(values[c]!) && groupOf[c]! >= 0 && groupOf[c] !== group) out[r++] = c;
  }
  return out;
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

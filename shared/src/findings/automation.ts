import type { AttributeColumn, EventLog } from '../event-log/types';
import type { ActivityInstances } from '../lifecycle/activity-instances';
import { compareText } from '../compare-text';
import { CountTable } from './count-table';
import { normalisedEntropy } from './entropy';
import { activityResourceCounts } from './workload-index';
import type { AutomationWeights, FindingsSettings } from './settings';

/** One part of the automation score: its value (0..1, higher = easier to automate, null = not measured), weight and what it was computed from. */
export interface AutomationPart {
  name: keyof AutomationWeights;
  value: number | null;
  weight: number;
  /** The measured figure behind the value (entropy, accuracy, caseworkers, ...). */
  basis: string;
}

/** The automation potential of one activity. */
export interface AutomationScore {
  activity: string;
  /** Activity instances (events where the log has no start events). */
  instances: number;
  cases: number;
  /** Weighted mean of the measured parts (0..1). */
  score: number;
  parts: AutomationPart[];
  /** Working hours a year the activity takes. */
  hoursPerYear: number;
  hoursFrom: 'processing-times' | 'minutes-per-event';
  /** hours x hourly cost, or the automation working figure when no hourly cost is set. */
  savingDkk: number;
  savingFrom: 'hourly-cost' | 'working-figure';
  caseworkers: number;
  /** The most frequent next activity and its share. */
  topSuccessor: string;
  topSuccessorShare: number;
}

/** Attributes with more distinct values than this do not decide a next step (they single cases out). */
const MAX_ATTRIBUTE_VALUES = 50;
const START = -1;

/**
 * Automation potential per activity with at least k cases. The parts (each 0..1):
 * volume (log(1 + instances) / log(1 + the largest)), predictability (1 - the mean normalised
 * entropy of its predecessors and successors), rule-likeness (accuracy of the best single
 * decider of the next step: the previous activity or one case attribute, by majority per
 * value), caseworkers (how evenly many caseworkers share it: normalised entropy x (1 - 1/m)),
 * processing (routine: 1 / (1 + coefficient of variation of processing times)) and rework
 * (1 - the share of its cases that repeat it). Parts that cannot be measured (no resources, no
 * start events) drop out and the other weights are renormalised. Sorted by score, most first.
 * `resources` is `activityResourceCounts(inst)`, counted here when not given.
 */
export function automationScores(
  log: EventLog,
  inst: ActivityInstances,
  settings: FindingsSettings,
  yearFactor: number,
  resources = activityResourceCounts(inst),
): AutomationScore[] {
  const A = inst.activities.length;
  const width = A + 1;
  const count = new Float64Array(A);
  const casesOf = new Float64Array(A);
  const repeatCases = new Float64Array(A);
  const R = inst.resources.length;
  const timed: number[][] = Array.from({ length: A }, () => []);
  const features = decidingAttributes(log);
  const featureCounts = [new CountTable((A + 1) * A * width), ...features.map((f) => new CountTable((f.values.length + 1) * A * width))];
  // Instances that are the log's own events start when they end (one column): none is timed.
  const hasStarts = inst.start !== inst.end;
  const seen = new Int32Array(A).fill(-1);
  const times = new Uint8Array(A);
  for (let c = 0; c + 1 < inst.caseOffsets.length; c++) {
    const lo = inst.caseOffsets[c]!;
    const hi = inst.caseOffsets[c + 1]!;
    for (let i = lo; i < hi; i++) {
      const a = inst.activity[i]!;
      count[a]!++;
      if (seen[a] !== c) {
        seen[a] = c;
        times[a] = 0;
        casesOf[a]!++;
      }
      if (times[a] === 1) repeatCases[a]!++;
      if (times[a]! < 2) times[a]!++;
      const p = i > lo ? inst.activity[i - 1]! : START;
      const n = i + 1 < hi ? inst.activity[i + 1]! : A;
      if (hasStarts && inst.end[i]! > inst.start[i]!) timed[a]!.push(inst.end[i]! - inst.start[i]!);
      featureCounts[0]!.add(((p + 1) * A + a) * width + n);
      for (let f = 0; f < features.length; f++) {
        const code = features[f]!.codes[c]!;
        featureCounts[f + 1]!.add(((code + 1) * A + a) * width + n);
      }
    }
  }
  // Predecessor and successor counts are the margins of the (previous, activity, next) counts, whose
  // first-counted order is theirs too: a pair first occurs with a triple that first occurs there.
  const pred = new CountTable(A * width);
  const succ = new CountTable(A * width);
  featureCounts[0]!.forEach((key, n) => {
    const q = Math.floor(key / width);
    const a = q % A;
    pred.add(a * width + Math.floor(q / A), n);
    succ.add(a * width + (key % width), n);
  });
  const perActivity = <T>(m: CountTable, divisor: number, init: () => T, add: (t: T, key: number, n: number) => void): T[] => {
    const out = Array.from({ length: A }, init);
    m.forEach((key, n) => add(out[Math.floor(key / divisor) % A]!, key, n));
    return out;
  };
  const predCounts = perActivity(
    pred,
    width,
    () => [] as number[],
    (t, _k, n) => t.push(n),
  );
  const succCounts = perActivity(
    succ,
    width,
    () => [] as number[],
    (t, _k, n) => t.push(n),
  );
  const topSucc = perActivity(
    succ,
    width,
    () => ({ to: A, n: 0 }),
    (t, key, n) => {
      if (n > t.n || (n === t.n && key % width < t.to)) Object.assign(t, { to: key % width, n });
    },
  );
  const resourceCounts = perActivity(
    resources,
    Math.max(1, R),
    () => [] as number[],
    (t, _k, n) => t.push(n),
  );
  const accuracy = new Float64Array(A);
  for (const fc of featureCounts) {
    // key = ((value * A) + a) * width + next: the best next per (value, a) is a majority vote.
    const best = new Map<number, number>();
    fc.forEach((key, n) => {
      const group = Math.floor(key / width);
      if (n > (best.get(group) ?? 0)) best.set(group, n);
    });
    const correct = new Float64Array(A);
    for (const [group, n] of best) correct[group % A]! += n;
    for (let a = 0; a < A; a++) if (count[a]! > 0) accuracy[a] = Math.max(accuracy[a]!, correct[a]! / count[a]!);
  }
  let maxCount = 0;
  for (let a = 0; a < A; a++) maxCount = Math.max(maxCount, count[a]!);
  const w = settings.automationWeights;
  const out: AutomationScore[] = [];
  for (let a = 0; a < A; a++) {
    if (casesOf[a]! < settings.minGroupSize) continue;
    const hp = normalisedEntropy(predCounts[a]!);
    const hs = normalisedEntropy(succCounts[a]!);
    const rc = resourceCounts[a]!;
    const m = rc.length;
    const t = timed[a]!;
    const cv = coefficientOfVariation(t);
    const hasTimes = t.length >= settings.minGroupSize;
    const reworkRate = repeatCases[a]! / casesOf[a]!;
    const parts: AutomationPart[] = [
      {
        name: 'volume',
        value: maxCount > 0 ? Math.log1p(count[a]!) / Math.log1p(maxCount) : 0,
        weight: w.volume,
        basis: `${count[a]} instances`,
      },
      {
        name: 'predictability',
        value: 1 - (hp + hs) / 2,
        weight: w.predictability,
        basis: `entropy ${hp.toFixed(2)} before, ${hs.toFixed(2)} after`,
      },
      {
        name: 'ruleLike',
        value: accuracy[a]!,
        weight: w.ruleLike,
        basis: `next step decided in ${(100 * accuracy[a]!).toFixed(0)} % of instances`,
      },
      {
        name: 'caseworkers',
        value: m > 0 ? normalisedEntropy(rc) * (1 - 1 / m) : null,
        weight: w.caseworkers,
        basis: m > 0 ? `${m} caseworkers` : 'no caseworkers in the log',
      },
      {
        name: 'processing',
        value: hasTimes ? 1 / (1 + cv) : null,
        weight: w.processing,
        basis: hasTimes ? `variation ${cv.toFixed(2)} over ${t.length} timed instances` : 'no start events',
      },
      { name: 'rework', value: 1 - reworkRate, weight: w.rework, basis: `${(100 * reworkRate).toFixed(1)} % of its cases repeat it` },
    ];
    let num = 0;
    let den = 0;
    for (const p of parts) {
      if (p.value === null) continue;
      num += p.weight * p.value;
      den += p.weight;
    }
    const processingMs = t.reduce((s, x) => s + x, 0);
    const hours = hasTimes ? (processingMs / 3_600_000) * yearFactor : ((count[a]! * settings.minutesPerEvent) / 60) * yearFactor;
    const top = topSucc[a]!;
    out.push({
      activity: inst.activities[a]!,
      instances: count[a]!,
      cases: casesOf[a]!,
      score: den > 0 ? num / den : 0,
      parts,
      hoursPerYear: hours,
      hoursFrom: hasTimes ? 'processing-times' : 'minutes-per-event',
      savingDkk: settings.hourlyCostDkk !== null ? hours * settings.hourlyCostDkk : settings.automationDkk,
      savingFrom: settings.hourlyCostDkk !== null ? 'hourly-cost' : 'working-figure',
      caseworkers: m,
      topSuccessor: top.to === A ? 'END' : inst.activities[top.to]!,
      topSuccessorShare: count[a]! > 0 ? top.n / count[a]! : 0,
    });
  }
  return out.sort((x, y) => y.score - x.score || y.hoursPerYear - x.hoursPerYear || compareText(x.activity, y.activity));
}

/**
 * The case attributes that may decide a next step: 2 to 50 values, and not the same code in every
 * case (a constant attribute groups each activity's next steps as one; its majority vote is never
 * more accurate than the previous activity's, so leaving it out changes no accuracy).
 */
function decidingAttributes(log: EventLog): AttributeColumn[] {
  return [...log.caseAttributes.values()].filter(
    (col) => col.values.length > 1 && col.values.length <= MAX_ATTRIBUTE_VALUES && !isConstant(col.codes),
  );
}

function isConstant(codes: Int32Array): boolean {
  for (let c = 1; c < codes.length; c++) if (codes[c] !== codes[0]) return false;
  return true;
}

function coefficientOfVariation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  if (mean <= 0) return 0;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance) / mean;
}

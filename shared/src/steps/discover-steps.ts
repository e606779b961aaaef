import type { EventLog } from '../event-log/types';
import { BUCKET_COUNT, bucketOf } from '../histogram/duration-buckets';
import { FINE_BUCKET_COUNT, fineBucketOf } from '../histogram/fine-buckets';
import { discoverVariants, type Variants } from '../variants/discover-variants';
import { STEP_END, STEP_START, type StepRow } from './types';

/** A step row with the group (e.g. jobcenter and period) its cases belong to. */
export interface GroupedStepRow extends StepRow {
  group: string;
}

/** Options of `discoverSteps`. */
export interface DiscoverStepsOptions {
  /** The group of a case (e.g. `jobcenter|2024-03`); all cases in group '' without it. */
  groupOf?: (caseIndex: number) => string;
  /** Variants already discovered for this log. */
  variants?: Variants;
}

/**
 * The step table of a log: one row per (group, variant, step) with the cases, the
 * summed seconds and the coarse and fine duration histograms of that step (see
 * `steps/types.ts`). Step 0 (START -> first) takes 0 seconds (bucket 0); step n
 * (last -> END) takes 0 seconds but its histograms count the cases' durations.
 * Rows are ordered by variant (most frequent first), then group name, then step.
 *
 * @example
 * discoverSteps(log, { groupOf: (c) => jobcenterOf(c) })
 */
export function discoverSteps(log: EventLog, options: DiscoverStepsOptions = {}): GroupedStepRow[] {
  const { variants } = options.variants ?? discoverVariants(log);
  const caseCount = log.caseIds.length;
  const groupNames: string[] = [];
  const groupOfCase = new Float64Array(caseCount);
  if (options.groupOf) {
    const names = Array.from({ length: caseCount }, (_, c) => options.groupOf!(c));
    const ids = new Map([...new Set(names)].sort().map((g, i) => [g, i] as const));
    for (const [g] of ids) groupNames.push(g);
    for (let c = 0; c < caseCount; c++) groupOfCase[c] = ids.get(names[c]!)!;
  } else groupNames.push('');

  const rows: GroupedStepRow[] = [];
  const B = BUCKET_COUNT;
  const F = FINE_BUCKET_COUNT;
  for (const variant of variants) {
    const n = variant.activities.length;
    const members = sortByGroup(variant.caseIndices, groupOfCase, caseCount);
    const sums = new Float64Array(n + 1);
    const hist = new Uint32Array((n + 1) * B);
    const fineCounts = new Uint32Array((n + 1) * F);
    const fineSeconds = new Float64Array((n + 1) * F);
    for (let i = 0; i < members.length;) {
      const g = groupOfCase[members[i]!]!;
      sums.fill(0);
      hist.fill(0);
      fineCounts.fill(0);
      fineSeconds.fill(0);
      let cases = 0;
      for (; i < members.length && groupOfCase[members[i]!] === g; i++) {
        const lo = log.caseOffsets[members[i]!]!;
        cases++;
        for (let k = 1; k < n; k++) {
          const seconds = (log.timestamp[lo + k]! - log.timestamp[lo + k - 1]!) / 1000;
          sums[k]! += seconds;
          hist[k * B + bucketOf(seconds)]!++;
          const f = k * F + fineBucketOf(seconds);
          fineCounts[f]!++;
          fineSeconds[f]! += seconds;
        }
        const duration = (log.timestamp[lo + n - 1]! - log.timestamp[lo]!) / 1000;
        hist[n * B + bucketOf(duration)]!++;
        const f = n * F + fineBucketOf(duration);
        fineCounts[f]!++;
        fineSeconds[f]! += duration;
      }
      hist[0] = cases;
      fineCounts[0] = cases;
      for (let k = 0; k <= n; k++) {
        rows.push({
          group: groupNames[g]!,
          variantKey: variant.key,
          stepIndex: k,
          from: k === 0 ? STEP_START : variant.activities[k - 1]!,
          to: k === n ? STEP_END : variant.activities[k]!,
          cases,
          sumSeconds: sums[k]!,
          histogram: Array.from(hist.subarray(k * B, (k + 1) * B)),
          fine: { counts: fineCounts.slice(k * F, (k + 1) * F), seconds: fineSeconds.slice(k * F, (k + 1) * F) },
        });
      }
    }
  }
  return rows;
}

function sortByGroup(members: Uint32Array, groupOf: Float64Array, caseCount: number): Uint32Array {
  let sorted = true;
  for (let i = 1; i < members.length && sorted; i++) sorted = groupOf[members[i - 1]!]! <= groupOf[members[i]!]!;
  if (sorted) return members;
  const keys = new Float64Array(members.length);
  for (let i = 0; i < members.length; i++) keys[i] = groupOf[members[i]!]! * caseCount + members[i]!;
  keys.sort();
  const out = new Uint32Array(members.length);
  for (let i = 0; i < keys.length; i++) out[i] = keys[i]! % caseCount;
  return out;
}

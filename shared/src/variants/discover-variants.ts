import type { EventLog } from '../event-log/types';
import { quantileSorted } from '../statistics/duration-stats';
import { variantKey } from './variant-key';

/** One variant: the cases that share an activity sequence. */
export interface Variant {
  /** `variantKey(activities)`: stable 16 hex digits. */
  key: string;
  activities: string[];
  cases: number;
  /** cases / all cases of the log (0..1). */
  share: number;
  /** Mean case duration (last minus first timestamp), ms. */
  meanDurationMs: number;
  /** Exact median case duration, ms. */
  medianDurationMs: number;
  /** The case indices of the variant, ascending. */
  caseIndices: Uint32Array;
}

/** The variants of a log and the variant of every case. */
export interface Variants {
  /** Most cases first; ties by activity sequence, name by name, shorter first. */
  variants: Variant[];
  /** Index into `variants` per case. */
  variantOfCase: Int32Array;
}

/**
 * Groups cases by their activity sequence. Case sequences are keyed by a string of
 * activity ids (one UTF-16 unit each), so grouping costs one Map lookup per case.
 *
 * @example
 * const { variants } = discoverVariants(log);
 * variants[0].activities; // the happy path
 */
export function discoverVariants(log: EventLog): Variants {
  const caseCount = log.caseIds.length;
  const raw = new Int32Array(caseCount);
  const groups = new Map<string, number>();
  const firstCase: number[] = [];
  for (let c = 0; c < caseCount; c++) {
    const seq = sequenceKey(log, c);
    let v = groups.get(seq);
    if (v === undefined) {
      v = firstCase.length;
      groups.set(seq, v);
      firstCase.push(c);
    }
    raw[c] = v;
  }
  const count = firstCase.length;
  const offsets = new Uint32Array(count + 1);
  for (let c = 0; c < caseCount; c++) offsets[raw[c]! + 1]!++;
  for (let v = 0; v < count; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, count);
  const members = new Uint32Array(caseCount);
  const durations = new Float64Array(caseCount);
  for (let c = 0; c < caseCount; c++) {
    const at = fill[raw[c]!]!++;
    members[at] = c;
    durations[at] = log.timestamp[log.caseOffsets[c + 1]! - 1]! - log.timestamp[log.caseOffsets[c]!]!;
  }
  const names = firstCase.map((c) => activityNames(log, c));
  const order = Array.from({ length: count }, (_, v) => v);
  const size = (v: number) => offsets[v + 1]! - offsets[v]!;
  order.sort((a, b) => size(b) - size(a) || compareSequences(names[a]!, names[b]!));
  const rank = new Int32Array(count);
  const variants = order.map((v, r): Variant => {
    rank[v] = r;
    const part = durations.subarray(offsets[v]!, offsets[v + 1]!);
    let sum = 0;
    for (let i = 0; i < part.length; i++) sum += part[i]!;
    return {
      key: variantKey(names[v]!),
      activities: names[v]!,
      cases: part.length,
      share: part.length / caseCount,
      meanDurationMs: sum / part.length,
      medianDurationMs: quantileSorted(part.sort(), 0.5),
      caseIndices: members.subarray(offsets[v]!, offsets[v + 1]!),
    };
  });
  const variantOfCase = new Int32Array(caseCount);
  for (let c = 0; c < caseCount; c++) variantOfCase[c] = rank[raw[c]!]!;
  return { variants, variantOfCase };
}

function sequenceKey(log: EventLog, c: number): string {
  const ids = log.activity.subarray(log.caseOffsets[c]!, log.caseOffsets[c + 1]!);
  if (log.activities.length > 0xffff) return ids.join(',');
  let key = '';
  for (let i = 0; i < ids.length; i += 4096) {
    key += String.fromCharCode.apply(null, ids.subarray(i, i + 4096) as unknown as number[]);
  }
  return key;
}

function activityNames(log: EventLog, c: number): string[] {
  const out: string[] = [];
  for (let e = log.caseOffsets[c]!; e < log.caseOffsets[c + 1]!; e++) out.push(log.activities[log.activity[e]!]!);
  return out;
}

/** Compares activity sequences name by name; a prefix sorts first. */
export function compareSequences(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

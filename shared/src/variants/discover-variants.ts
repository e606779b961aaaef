import type { EventLog } from '../event-log/types';
import { durationFigures } from './duration-figures';
import { utf8 } from './fnv1a64';
import { variantKeyOfIds } from './variant-key';
import { compareText } from '../compare-text';

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
 * Groups cases by their activity sequence. Case sequences are hashed from their activity ids
 * (and compared id by id within a hash), so grouping costs one Map lookup per case and no string.
 *
 * @example
 * const { variants } = discoverVariants(log);
 * variants[0].activities; // the happy path
 */
export function discoverVariants(log: EventLog): Variants {
  const caseCount = log.caseIds.length;
  const raw = new Int32Array(caseCount);
  // Sequences are hashed to 32 bits; variants with the same hash are chained and compared id by id.
  const byHash = new Map<number, number>();
  const sameHash: number[] = [];
  const firstCase: number[] = [];
  for (let c = 0; c < caseCount; c++) {
    const h = sequenceHash(log, c);
    let v = byHash.get(h) ?? -1;
    while (v >= 0 && !sameSequence(log, firstCase[v]!, c)) v = sameHash[v]!;
    if (v < 0) {
      v = firstCase.length;
      sameHash.push(byHash.get(h) ?? -1);
      byHash.set(h, v);
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
  const encoded = log.activities.map(utf8);
  const order = sortVariants(log, firstCase, offsets);
  const rank = new Int32Array(count);
  const variants = order.map((v, r): Variant => {
    rank[v] = r;
    const c = firstCase[v]!;
    const ids = log.activity.subarray(log.caseOffsets[c]!, log.caseOffsets[c + 1]!);
    const lo = offsets[v]!;
    const n = offsets[v + 1]! - lo;
    return {
      key: variantKeyOfIds(ids, encoded),
      activities: namesOf(ids, log.activities),
      cases: n,
      share: n / caseCount,
      ...durationFigures(durations, lo, n),
      caseIndices: members.subarray(lo, lo + n),
    };
  });
  const variantOfCase = new Int32Array(caseCount);
  for (let c = 0; c < caseCount; c++) variantOfCase[c] = rank[raw[c]!]!;
  return { variants, variantOfCase };
}

/** FNV-1a (32 bits) over the activity ids of case c and its length. */
function sequenceHash(log: EventLog, c: number): number {
  const lo = log.caseOffsets[c]!;
  const hi = log.caseOffsets[c + 1]!;
  let h = Math.imul(0x811c9dc5 ^ (hi - lo), 0x01000193);
  for (let e = lo; e < hi; e++) h = Math.imul(h ^ log.activity[e]!, 0x01000193);
  return h;
}

/** Whether cases a and b have the same activity sequence. */
function sameSequence(log: EventLog, a: number, b: number): boolean {
  const offset = log.caseOffsets[b]! - log.caseOffsets[a]!;
  const hi = log.caseOffsets[a + 1]!;
  if (log.caseOffsets[b + 1]! - log.caseOffsets[b]! !== hi - log.caseOffsets[a]!) return false;
  for (let e = log.caseOffsets[a]!; e < hi; e++) if (log.activity[e] !== log.activity[e + offset]) return false;
  return true;
}

/** A string with one UTF-16 unit per value (values < 65536). */
function charKey(values: Uint32Array | Uint16Array): string {
  if (values.length <= 4096) return String.fromCharCode.apply(null, values as unknown as number[]);
  let key = '';
  for (let i = 0; i < values.length; i += 4096) {
    key += String.fromCharCode.apply(null, values.subarray(i, i + 4096) as unknown as number[]);
  }
  return key;
}

function namesOf(ids: Uint32Array, names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) out.push(names[ids[i]!]!);
  return out;
}

/** Variant ids ordered by cases (most first), then by activity sequence name by name. */
function sortVariants(log: EventLog, firstCase: number[], offsets: Uint32Array): number[] {
  const names = log.activities;
  const byName = names.map((_, i) => i).sort((a, b) => compareText(names[a]!, names[b]!));
  const rank = new Uint32Array(names.length);
  byName.forEach((id, r) => (rank[id] = r));
  const order = firstCase.map((_, v) => v);
  const size = (v: number) => offsets[v + 1]! - offsets[v]!;
  if (names.length > 0xffff) {
    const seq = (v: number) =>
      Array.from(log.activity.subarray(log.caseOffsets[firstCase[v]!]!, log.caseOffsets[firstCase[v]! + 1]!), (a) => names[a]!);
    return order.sort((a, b) => size(b) - size(a) || compareSequences(seq(a), seq(b)));
  }
  const ranked = new Uint16Array(log.activity.length);
  for (let e = 0; e < ranked.length; e++) ranked[e] = rank[log.activity[e]!]!;
  const sortKeys = firstCase.map((c) => charKey(ranked.subarray(log.caseOffsets[c]!, log.caseOffsets[c + 1]!)));
  return order.sort((a, b) => size(b) - size(a) || compareText(sortKeys[a]!, sortKeys[b]!));
}

/** Compares activity sequences name by name; a prefix sorts first. */
export function compareSequences(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

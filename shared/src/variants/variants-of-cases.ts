import { compareText } from '../compare-text';
import type { EventLog } from '../event-log/types';
import { durationFigures } from './duration-figures';
import type { Variant, Variants } from './discover-variants';

/**
 * Narrows the variants of a log to parts of its cases without keying every case's sequence
 * again: `(cases) => discoverVariants(selectCases(log, cases))`, the same variants in the same
 * order with the same figures, from `all = discoverVariants(log)`. A part's order is its case
 * counts, ties by activity sequence name by name, which is the order of the sequences in the
 * whole log (a subset of the names ranks them alike). A part variant's mean and median duration are
 * computed when first read. Null when the log has too many activities to rank sequences by
 * character (then discover each part's variants).
 *
 * @example
 * const ofCases = variantsOfCases(log, discoverVariants(log));
 * ofCases?.(Uint32Array.of(0, 2, 5)).variants[0].cases;
 */
export function variantsOfCases(log: EventLog, all: Variants): ((cases: Uint32Array) => Variants) | null {
  const names = log.activities;
  if (names.length > 0xffff) return null;
  const byName = names.map((_, i) => i).sort((a, b) => compareText(names[a]!, names[b]!));
  const rankOfId = new Uint16Array(names.length);
  byName.forEach((id, r) => (rankOfId[id] = r));
  // A variant's sequence as one character per activity, its rank by name (read off its first case).
  const sortKeys = all.variants.map((v) => {
    const c = v.caseIndices[0]!;
    let key = '';
    for (let e = log.caseOffsets[c]!; e < log.caseOffsets[c + 1]!; e++) key += String.fromCharCode(rankOfId[log.activity[e]!]!);
    return key;
  });
  const sequenceRank = new Int32Array(all.variants.length);
  all.variants
    .map((_, v) => v)
    .sort((a, b) => compareText(sortKeys[a]!, sortKeys[b]!))
    .forEach((v, r) => (sequenceRank[v] = r));
  return (cases) => narrow(log, all, sequenceRank, cases);
}

function narrow(log: EventLog, all: Variants, sequenceRank: Int32Array, cases: Uint32Array): Variants {
  const caseCount = cases.length;
  const counts = new Uint32Array(all.variants.length);
  for (let i = 0; i < caseCount; i++) counts[all.variantOfCase[cases[i]!]!]!++;
  const present: number[] = [];
  for (let v = 0; v < counts.length; v++) if (counts[v]! > 0) present.push(v);
  present.sort((a, b) => counts[b]! - counts[a]! || sequenceRank[a]! - sequenceRank[b]!);
  const rank = new Int32Array(all.variants.length);
  const offsets = new Uint32Array(present.length + 1);
  present.forEach((v, r) => {
    rank[v] = r;
    offsets[r + 1] = offsets[r]! + counts[v]!;
  });
  const fill = offsets.slice(0, present.length);
  const members = new Uint32Array(caseCount);
  const variantOfCase = new Int32Array(caseCount);
  for (let i = 0; i < caseCount; i++) {
    const r = rank[all.variantOfCase[cases[i]!]!]!;
    const at = fill[r]!;
    fill[r] = at + 1;
    members[at] = i;
    variantOfCase[i] = r;
  }
  // A part's durations and their mean and median are computed when first read (the findings read none).
  let durations: Float64Array | null = null;
  const durationsOf = (): Float64Array => {
    if (durations) return durations;
    const out = new Float64Array(caseCount);
    for (let at = 0; at < caseCount; at++) {
      const c = cases[members[at]!]!;
      out[at] = log.timestamp[log.caseOffsets[c + 1]! - 1]! - log.timestamp[log.caseOffsets[c]!]!;
    }
    return (durations = out);
  };
  const variants = present.map((v, r): Variant => {
    const whole = all.variants[v]!;
    const lo = offsets[r]!;
    const n = offsets[r + 1]! - lo;
    let figures: ReturnType<typeof durationFigures> | null = null;
    const figuresOf = () => (figures ??= durationFigures(durationsOf(), lo, n));
    return {
      key: whole.key,
      activities: whole.activities.slice(),
      cases: n,
      share: n / caseCount,
      get meanDurationMs() {
        return figuresOf().meanDurationMs;
      },
      get medianDurationMs() {
        return figuresOf().medianDurationMs;
      },
      caseIndices: members.subarray(lo, lo + n),
    };
  });
  return { variants, variantOfCase };
}

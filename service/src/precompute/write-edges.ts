import { BUCKET_COUNT, FINE_BUCKET_COUNT, STEP_END, type EventLog, type GroupedStepRow, type Variants } from '@sagsflow/shared';
import type { Grain } from './case-groups';
import type { ModelRows } from './model-writer';

/** Activity ids of a variant's sequence, read from its first case. */
export function variantSequences(log: EventLog, variants: Variants): Uint32Array[] {
  return variants.variants.map((v) => {
    const c = v.caseIndices[0]!;
    return log.activity.subarray(log.caseOffsets[c]!, log.caseOffsets[c + 1]!);
  });
}

interface EdgeAcc {
  group: number;
  from: string;
  to: string;
  transitions: number;
  cases: number;
  sum: number;
  /** Where its histograms start in the sums' `sums` array: the coarse counts, then per fine bucket its count and its seconds. */
  at: number;
  seenBy: number;
}

/** Numbers per edge in the histogram sums: the coarse counts, then the fine counts and seconds side by side (one cache line for both). */
const EDGE_WIDTH = BUCKET_COUNT + 2 * FINE_BUCKET_COUNT;

/** Edge sums fed one step row at a time (see `writeEdges`); `write` writes them in the order first seen. */
export interface EdgeSums {
  /** Adds one step row; its histograms are read at once, so the caller may reuse them for the next row. */
  add(row: GroupedStepRow): void;
  write(out: ModelRows, groups: readonly Grain[]): void;
}

/**
 * Adds a step row's histograms into the edge sums at `at`: only the row's listed buckets
 * (`histogramBuckets`, `fineBuckets`) when it lists them, else every coarse bucket and the fine
 * buckets where the count or the seconds are not 0. The sums are the same as adding every bucket:
 * they start at +0, and adding ±0 never changes a sum that is not -0.
 */
function addHistograms(sums: Float64Array, at: number, r: GroupedStepRow): void {
  const from = r.histogram;
  const listed = r.histogramBuckets;
  if (listed !== undefined) {
    for (let j = 0; j < listed.length; j++) sums[at + listed[j]!]! += from[listed[j]!]!;
  } else {
    for (let b = 0; b < BUCKET_COUNT; b++) sums[at + b]! += from[b]!;
  }
  const fine = r.fine;
  if (!fine) return;
  const base = at + BUCKET_COUNT;
  const buckets = r.fineBuckets;
  if (buckets !== undefined) {
    for (let j = 0; j < buckets.length; j++) {
      const b = buckets[j]!;
      sums[base + 2 * b]! += fine.counts[b]!;
      sums[base + 2 * b + 1]! += fine.seconds[b]!;
    }
    return;
  }
  for (let b = 0; b < FINE_BUCKET_COUNT; b++) {
    const c = fine.counts[b]!;
    const sec = fine.seconds[b]!;
    if (c !== 0 || sec !== 0) {
      sums[base + 2 * b]! += c;
      sums[base + 2 * b + 1]! += sec;
    }
  }
}

/** Empty edge sums over step rows given in `discoverSteps` order (runs of one group and variant, steps 0..n); `write` writes them in the order first seen. */
export function createEdgeSums(): EdgeSums {
  /** Per group: its edges by (from, to) number. */
  const edgesOfGroup = new Map<number, (EdgeAcc | undefined)[]>();
  const ids = new Map<string, number>();
  const idOf = (name: string): number => {
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = ids.size));
    return id;
  };
  /** A number per (from, to), counted from 0. */
  const pairs = new Map<number, number>();
  const pairOf = (from: string, to: string): number => {
    const key = idOf(from) * 2 ** 26 + idOf(to);
    let pair = pairs.get(key);
    if (pair === undefined) pairs.set(key, (pair = pairs.size));
    return pair;
  };
  const all: EdgeAcc[] = [];
  /** Every edge's histograms, one after the other (`EdgeAcc.at`): one array read at every row instead of three per edge. */
  let sums = new Float64Array(1024 * EDGE_WIDTH);
  /** Per variant key, per step index: its (from, to) and their number, reused while the names are the same. */
  const stepKeys = new Map<string, { from: string; to: string; pair: number }[]>();
  let run = -1;
  let lastVariant = '';
  let lastGroup = '';
  let group = -1;
  let edges: (EdgeAcc | undefined)[] = [];
  let keysOfRun: { from: string; to: string; pair: number }[] = [];
  return {
    add(r) {
      if (r.variantKey !== lastVariant || r.group !== lastGroup || r.stepIndex === 0) {
        run++;
        lastVariant = r.variantKey;
        lastGroup = r.group;
        group = Number(r.group);
        let ofGroup = edgesOfGroup.get(group);
        if (!ofGroup) edgesOfGroup.set(group, (ofGroup = []));
        edges = ofGroup;
        let keys = stepKeys.get(r.variantKey);
        if (!keys) stepKeys.set(r.variantKey, (keys = []));
        keysOfRun = keys;
      }
      let step = keysOfRun[r.stepIndex];
      if (step === undefined || step.from !== r.from || step.to !== r.to) {
        step = keysOfRun[r.stepIndex] = { from: r.from, to: r.to, pair: pairOf(r.from, r.to) };
      }
      let e = edges[step.pair];
      if (!e) {
        const at = all.length * EDGE_WIDTH;
        if (at + EDGE_WIDTH > sums.length) {
          const grown = new Float64Array(2 * sums.length);
          grown.set(sums);
          sums = grown;
        }
        e = { group, from: r.from, to: r.to, transitions: 0, cases: 0, sum: 0, at, seenBy: -1 };
        while (edges.length < step.pair) edges.push(undefined);
        edges[step.pair] = e;
        all.push(e);
      }
      e.transitions += r.cases;
      e.sum += r.sumSeconds;
      const at = e.at;
      if (r.to === STEP_END) {
        sums[at]! += r.cases;
        sums[at + BUCKET_COUNT]! += r.cases;
      } else {
        addHistograms(sums, at, r);
      }
      if (e.seenBy !== run) {
        e.seenBy = run;
        e.cases += r.cases;
      }
    },
    write(out, groups) {
      // Each row's histograms are read at once: one pair of fine arrays serves every edge.
      const fine = { counts: new Float64Array(FINE_BUCKET_COUNT), seconds: new Float64Array(FINE_BUCKET_COUNT) };
      for (const e of all) {
        const g = groups[e.group]!;
        const hist = sums.subarray(e.at, e.at + BUCKET_COUNT);
        const base = e.at + BUCKET_COUNT;
        for (let b = 0; b < FINE_BUCKET_COUNT; b++) {
          fine.counts[b] = sums[base + 2 * b]!;
          fine.seconds[b] = sums[base + 2 * b + 1]!;
        }
        out.addHistogramRow('edges', [g.process, g.jobcenter, g.period, e.from, e.to, e.transitions, e.cases, e.sum], hist, fine, []);
      }
    },
  };
}

/**
 * Edges per grain cell, summed from the step rows of the core's `discoverSteps`: transitions,
 * seconds and histograms add up over the steps of a (from, to) pair; distinct cases add the
 * cases of every (cell, variant) in which the pair occurs, once. START/END edges give the start
 * and end activities; their seconds are 0, so the END steps' case-duration histograms are not
 * added (an edge into END counts its transitions in bucket 0). A step row's `group` is its
 * grain cell index, as text.
 */
export function writeEdges(out: ModelRows, groups: readonly Grain[], rows: readonly GroupedStepRow[]): void {
  const sums = createEdgeSums();
  for (const r of rows) sums.add(r);
  sums.write(out, groups);
}

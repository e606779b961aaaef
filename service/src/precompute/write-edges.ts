import {
  BUCKET_COUNT,
  emptyFineHistogram,
  STEP_END,
  type EventLog,
  type FineHistogramAcc,
  type GroupedStepRow,
  type Variants,
} from '@sagsflow/shared';
import type { Grain } from './case-groups';
import type { ModelRows } from './model-writer';
import { addNonZero, addNonZeroFine } from './fine-sums';

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
  hist: Float64Array;
  fine: FineHistogramAcc;
  seenBy: number;
}

/** Edge sums fed one step row at a time (see `writeEdges`); `write` writes them in the order first seen. */
export interface EdgeSums {
  /** Adds one step row; its histograms are read at once, so the caller may reuse them for the next row. */
  add(row: GroupedStepRow): void;
  write(out: ModelRows, groups: readonly Grain[]): void;
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
        e = {
          group,
          from: r.from,
          to: r.to,
          transitions: 0,
          cases: 0,
          sum: 0,
          hist: new Float64Array(BUCKET_COUNT),
          fine: emptyFineHistogram(),
          seenBy: -1,
        };
        while (edges.length < step.pair) edges.push(undefined);
        edges[step.pair] = e;
        all.push(e);
      }
      e.transitions += r.cases;
      e.sum += r.sumSeconds;
      if (r.to === STEP_END) {
        e.hist[0]! += r.cases;
        e.fine.counts[0]! += r.cases;
      } else {
        addNonZero(e.hist, r.histogram, r.histogramBuckets);
        if (r.fine) addNonZeroFine(e.fine, r.fine, r.fineBuckets);
      }
      if (e.seenBy !== run) {
        e.seenBy = run;
        e.cases += r.cases;
      }
    },
    write(out, groups) {
      for (const e of all) {
        const g = groups[e.group]!;
        out.addHistogramRow('edges', [g.process, g.jobcenter, g.period, e.from, e.to, e.transitions, e.cases, e.sum], e.hist, e.fine, []);
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

import { InvalidLogError, quote } from '../errors';
import { Interner } from '../event-log/interner';
import { BUCKET_COUNT } from '../histogram/duration-buckets';
import { addFineHistogram, emptyFineHistogram, type FineHistogram, type FineHistogramAcc } from '../histogram/fine-buckets';
import type { ProcessMap, ProcessMapEdge, ProcessMapNode } from '../map/process-map';
import { sortEdges } from '../map/process-map';
import { finishVariants, type StepVariant, type VariantAcc } from './step-variants';
import { STEP_END, STEP_START, type StepRow } from './types';
import { compareText } from '../compare-text';

export type { StepVariant } from './step-variants';

/** What `aggregateSteps` rebuilds from step rows. */
export interface AggregatedSteps {
  map: ProcessMap;
  /** Most cases first, ties by activity sequence. */
  variants: StepVariant[];
  /** All cases in the rows. */
  cases: number;
  /**
   * The case-duration histogram of all cases in the rows, from their END steps; undefined
   * when the rows carry no fine histogram (tables written before the END step carried one).
   */
  caseDurations?: FineHistogram;
  /** Cases of finished variants (`StepRow.finished`); undefined when no row says. */
  finishedCases?: number;
  /** The case-duration histogram of the finished cases; undefined when no row says or none carries it. */
  finishedCaseDurations?: FineHistogram;
}

interface EdgeAcc {
  from: number;
  to: number;
  count: number;
  cases: number;
  sumSeconds: number;
  hist: Float64Array;
  fine: FineHistogramAcc | undefined;
  /** False once a row without a fine histogram was added. */
  fineComplete: boolean;
}

/**
 * Rebuilds the process map and the variant list from step rows, for any subset of
 * rows (e.g. the jobcenters and periods a Power BI filter left). Transitions, cases,
 * summed seconds and histograms of edges, node counts, and variant cases are exact
 * sums, equal to `discoverDfg` / `discoverVariants` on the same cases. Each row only
 * carries its own step; a variant's activities come from ordering its rows by step.
 * The END rows' histograms (case durations) make the variants' and the rows' case-duration
 * histograms; the map's edges into END keep 0 s, as their seconds say.
 *
 * @example const { map, variants } = aggregateSteps(rowsForJobcenter);
 */
export function aggregateSteps(rows: readonly StepRow[]): AggregatedSteps {
  const names = new Interner();
  const variantIds = new Map<string, number>();
  const variants: VariantAcc[] = [];
  const edgeIds = new Map<number, number>();
  const edges: EdgeAcc[] = [];
  let caseDurations: FineHistogramAcc | undefined;
  let finishedDurations: FineHistogramAcc | undefined;
  let finishedCases: number | undefined;
  const start = names.intern(STEP_START);
  const end = names.intern(STEP_END);
  const B = BUCKET_COUNT;
  let lastKey = '';
  let acc: VariantAcc | undefined;
  let v = -1;
  let lastTo = '';
  let lastToId = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const step = row.stepIndex;
    if (!(step >= 0 && step < 0x100000 && Number.isInteger(step))) {
      throw new InvalidLogError(`aggregateSteps: row ${r} has an invalid stepIndex, got ${quote(step)}, expected an integer from 0`);
    }
    const from = row.from === lastTo ? lastToId : names.intern(row.from);
    const to = names.intern(row.to);
    lastTo = row.to;
    lastToId = to;
    const key = from * 0x200000 + to;
    let e = edgeIds.get(key);
    if (e === undefined) {
      e = edges.length;
      edgeIds.set(key, e);
      edges.push({ from, to, count: 0, cases: 0, sumSeconds: 0, hist: new Float64Array(B), fine: undefined, fineComplete: true });
    }
    const edge = edges[e]!;
    edge.count += row.cases;
    edge.sumSeconds += row.sumSeconds;
    if (row.variantKey !== lastKey || acc === undefined) {
      lastKey = row.variantKey;
      const found = variantIds.get(lastKey);
      if (found === undefined) {
        v = variants.length;
        variantIds.set(lastKey, v);
        variants.push({
          key: lastKey,
          cases: 0,
          sumSeconds: 0,
          to: [],
          from: [],
          rows: [],
          caseDurations: undefined,
          rank: undefined,
          finished: undefined,
        });
      } else v = found;
      acc = variants[v]!;
    }
    if (row.variantRank !== undefined && row.variantRank > 0) acc.rank = row.variantRank;
    if (row.finished !== undefined) {
      acc.finished = row.finished;
      if (step === 0) finishedCases = (finishedCases ?? 0) + (row.finished ? row.cases : 0);
    }
    const fine = row.fine;
    if (to === end && fine !== undefined) {
      edge.hist[0]! += row.cases;
      if (edge.fineComplete) (edge.fine ??= emptyFineHistogram()).counts[0]! += row.cases;
      addFineHistogram((acc.caseDurations ??= emptyFineHistogram()), fine);
      addFineHistogram((caseDurations ??= emptyFineHistogram()), fine);
      if (row.finished === true) addFineHistogram((finishedDurations ??= emptyFineHistogram()), fine);
    } else {
      const h = row.histogram;
      const eh = edge.hist;
      for (let i = 0; i < B; i++) eh[i]! += h[i] ?? 0;
      if (fine === undefined) edge.fineComplete = false;
      else if (edge.fineComplete) addFineHistogram((edge.fine ??= emptyFineHistogram()), fine);
    }
    if (step === 0) acc.cases += row.cases;
    acc.sumSeconds += row.sumSeconds;
    while (acc.to.length <= step) {
      acc.to.push(-1);
      acc.from.push(-1);
    }
    acc.to[step] = to;
    acc.from[step] = from;
    acc.rows.push(r);
  }
  const nodeCount = new Float64Array(names.values.length);
  const nodeCases = new Float64Array(names.values.length);
  const seenNode = new Int32Array(names.values.length).fill(-1);
  const seenEdge = new Int32Array(edges.length).fill(-1);
  let total = 0;
  for (const e of edges) nodeCount[e.to]! += e.count;
  for (let v = 0; v < variants.length; v++) {
    const acc = variants[v]!;
    total += acc.cases;
    for (let k = 0; k < acc.to.length; k++) {
      const to = acc.to[k]!;
      if (to < 0) continue;
      const e = edgeIds.get(acc.from[k]! * 0x200000 + to)!;
      if (seenEdge[e] !== v) {
        seenEdge[e] = v;
        edges[e]!.cases += acc.cases;
      }
      if (seenNode[to] !== v) {
        seenNode[to] = v;
        nodeCases[to]! += acc.cases;
      }
    }
  }
  nodeCount[start] = total;
  nodeCases[start] = total;
  const out: AggregatedSteps = {
    map: buildMap(names.values, nodeCount, nodeCases, edges, start, end),
    variants: finishVariants(variants, rows, names.values, total),
    cases: total,
  };
  if (caseDurations) out.caseDurations = caseDurations;
  if (finishedCases !== undefined) {
    out.finishedCases = finishedCases;
    if (caseDurations) out.finishedCaseDurations = finishedDurations ?? emptyFineHistogram();
  }
  return out;
}

function buildMap(
  names: readonly string[],
  count: Float64Array,
  cases: Float64Array,
  edges: readonly EdgeAcc[],
  start: number,
  end: number,
): ProcessMap {
  const nodes: ProcessMapNode[] = [];
  const order = names.map((_, i) => i).filter((i) => i !== start && i !== end && count[i]! > 0);
  order.sort((a, b) => count[b]! - count[a]! || compareText(names[a]!, names[b]!));
  for (const i of [start, ...order, end]) nodes.push({ activity: names[i]!, count: count[i]!, cases: cases[i]! });
  const out: ProcessMapEdge[] = edges.map((e) => {
    const edge: ProcessMapEdge = {
      from: names[e.from]!,
      to: names[e.to]!,
      count: e.count,
      cases: e.cases,
      sumSeconds: e.sumSeconds,
      histogram: Array.from(e.hist),
    };
    if (e.fine && e.fineComplete) edge.fine = e.fine;
    return edge;
  });
  return { nodes, edges: sortEdges(out) };
}

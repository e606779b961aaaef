import { BUCKET_COUNT, bucketOf, emptyFineHistogram, fineBucketOf, OTHER_VARIANTS_KEY, type GroupedStepRow } from '@sagsflow/shared';
import type { GroupVariants } from '../group-variants';
import { variantRow } from '../variant-row';
import { writeActivities } from '../write-activities';
import { createEdgeSums } from '../write-edges';
import type { ViewerModelInput, ViewerTableBuilder, ViewerWriter } from './viewer-input';
import { emitViewerStepRows, OTHER_VARIANTS_ACTIVITY, type OtherPool } from './viewer-step-rows';

export { OTHER_VARIANTS_ACTIVITY };

/** Per viewer cell: the cases of its "other variants" pool (durations, events, open cases). */
function otherPools(input: ViewerModelInput): OtherPool[] {
  const pools = input.cells.cells.map(() => ({
    cases: 0,
    events: 0,
    open: 0,
    sumSeconds: 0,
    hist: new Array<number>(BUCKET_COUNT).fill(0),
    fine: emptyFineHistogram(),
  }));
  for (let c = 0; c < input.stats.length; c++) {
    const cell = input.cellOfCase[c]!;
    if (cell < 0 || input.keptCase[c]) continue;
    const s = input.stats[c]!;
    const pool = pools[cell]!;
    pool.cases++;
    pool.events += s.events;
    pool.open += input.closed[c] ? 0 : 1;
    pool.sumSeconds += s.durationMs / 1000;
    pool.hist[bucketOf(s.durationMs / 1000)]!++;
    const f = fineBucketOf(s.durationMs / 1000);
    pool.fine.counts[f]!++;
    pool.fine.seconds[f]! += s.durationMs / 1000;
  }
  return pools;
}

/** Open cases of an "other variants" pool as shown: 0 or the whole pool when either side is under k. */
function shownOpen(pool: OtherPool, k: number): number {
  if (pool.open < k) return 0;
  return pool.cases - pool.open < k ? pool.cases : pool.open;
}

/**
 * Variant numbers as a viewer sees them: kept variants ranked by their cases in the viewer model
 * (ties by the exact number), "other variants" after them, so that no number tells how many
 * variants were hidden or how small they were.
 */
function viewerRanks(input: ViewerModelInput, kept: GroupVariants): { rankOf: Map<string, number>; otherRank: number } {
  const casesOf = new Map<number, number>();
  for (let p = 0; p < kept.count; p++) casesOf.set(kept.variant[p]!, (casesOf.get(kept.variant[p]!) ?? 0) + kept.cases[p]!);
  const order = [...casesOf.keys()].sort((a, b) => casesOf.get(b)! - casesOf.get(a)! || a - b);
  const rankOf = new Map(order.map((v, i) => [input.variants.variants[v]!.key, i + 1]));
  return { rankOf, otherRank: order.length + 1 };
}

/** Per (viewer cell, kept variant), keyed `cell * variants + variant`: 1 when its cases are finished (a variant's cases end alike). */
function keptFinished(input: ViewerModelInput): Map<number, number> {
  const V = input.variants.variants.length;
  const out = new Map<number, number>();
  for (let c = 0; c < input.stats.length; c++) {
    if (!input.keptCase[c]) continue;
    const key = input.cellOfCase[c]! * V + input.variants.variantOfCase[c]!;
    if (!out.has(key)) out.set(key, input.closed[c]!);
  }
  return out;
}

function writeCoreTables(input: ViewerModelInput, out: ViewerWriter): void {
  const cells = input.cells.cells;
  const kept = input.kept;
  const pools = otherPools(input);
  const { rankOf, otherRank } = viewerRanks(input, kept);
  const finishedOf = keptFinished(input);
  const V = input.variants.variants.length;
  const variantIndex = new Map(input.variants.variants.map((v, i) => [v.key, i]));
  const finished = (cell: number, key: string): number => {
    if (key === OTHER_VARIANTS_KEY) return shownOpen(pools[cell]!, input.k) === pools[cell]!.cases ? 0 : 1;
    return finishedOf.get(cell * V + variantIndex.get(key)!) ?? 1;
  };
  const rank = (key: string): number => (key === OTHER_VARIANTS_KEY ? otherRank : rankOf.get(key)!);
  const edges = createEdgeSums();
  const firstStep = (r: GroupedStepRow): [number, number] => [rank(r.variantKey), finished(Number(r.group), r.variantKey)];
  emitViewerStepRows(input, pools, (r) => {
    out.addStepRow(cells[Number(r.group)]!, r, firstStep);
    edges.add(r);
  });
  edges.write(out, cells);
  for (let p = 0; p < kept.count; p++) {
    const g = cells[kept.group[p]!]!;
    const v = input.variants.variants[kept.variant[p]!]!;
    out.add('variants', variantRow(g, v, kept.cases[p]!, kept.sumMs[p]!, rank(v.key), finished(kept.group[p]!, v.key)));
  }
  writeActivities(out, input.log, cells, keptCellOfCase(input), kept, input.seqs, input.instances);
  const perCell = cells.map(() => ({ cases: 0, events: 0, open: 0, sum: 0 }));
  for (let c = 0; c < input.stats.length; c++) {
    const cell = input.cellOfCase[c]!;
    if (cell < 0 || !input.keptCase[c]) continue;
    const x = perCell[cell]!;
    x.cases++;
    x.events += input.stats[c]!.events;
    x.open += input.closed[c] ? 0 : 1;
    x.sum += input.stats[c]!.durationMs / 1000;
  }
  const perJobcenter = new Map<string, { process: string; jobcenter: string; cases: number; events: number }>();
  cells.forEach((g, i) => {
    const x = perCell[i]!;
    const pool = pools[i]!;
    if (pool.cases > 0) {
      out.add('variants', [
        g.process,
        g.jobcenter,
        g.period,
        OTHER_VARIANTS_KEY,
        OTHER_VARIANTS_ACTIVITY,
        JSON.stringify([OTHER_VARIANTS_ACTIVITY]),
        1,
        pool.cases,
        pool.sumSeconds,
        otherRank,
        finished(i, OTHER_VARIANTS_KEY),
      ]);
      out.add('activities', [g.process, g.jobcenter, g.period, OTHER_VARIANTS_ACTIVITY, pool.cases, pool.cases, 0, 0, 0, 0, 0]);
    }
    const cases = x.cases + pool.cases;
    const events = x.events + pool.events;
    out.add('periods', [g.process, g.jobcenter, g.period, cases, events, x.open + shownOpen(pool, input.k), x.sum + pool.sumSeconds]);
    const key = `${g.process}\u0000${g.jobcenter}`;
    const j = perJobcenter.get(key) ?? { process: g.process, jobcenter: g.jobcenter, cases: 0, events: 0 };
    j.cases += cases;
    j.events += events;
    perJobcenter.set(key, j);
  });
  for (const j of perJobcenter.values()) out.add('jobcenters', [j.process, j.jobcenter, j.cases, j.events]);
}

/** Viewer cell of each case of a kept variant, -1 for the others (for `writeActivities`). */
function keptCellOfCase(input: ViewerModelInput): Int32Array {
  const out = new Int32Array(input.stats.length);
  for (let c = 0; c < out.length; c++) out[c] = input.keptCase[c] ? input.cellOfCase[c]! : -1;
  return out;
}

/**
 * The viewer form of the core model tables: steps (kept variants summed per viewer cell, with
 * coarse and fine histograms pooled to buckets of 0 or at least k cases, variant numbers among
 * the variants a viewer sees, and one "andre varianter" path per cell for
 * its other variants), edges summed from those steps, variants, activities (kept variants, plus
 * one "andre varianter" row), periods and jobcenters (every case of a viewer cell; open cases of
 * the other-variants pool only when both they and the closed ones number at least k).
 */
export const CORE_VIEWER_TABLES: ViewerTableBuilder = {
  tables: ['viewer_steps', 'viewer_edges', 'viewer_variants', 'viewer_activities', 'viewer_periods', 'viewer_jobcenters'],
  build: writeCoreTables,
};

import type Database from 'better-sqlite3';
import { createModelWriter } from '../model-writer';
import { mergeCells } from './viewer-cells';
import { keepVariants } from './viewer-variants';
import { VIEWER_TABLE_BUILDERS } from './registry';
import type { ViewerModelInput } from './viewer-input';

/** What building the viewer model cost, as stored in `viewer_builds`. */
export interface ViewerBuildSummary {
  k: number;
  cases: number;
  /** Cases whose (jobcenter, month) cell was merged upward. */
  mergedCellCases: number;
  /** Cases in "other variants" rows (in cells that were not merged). */
  otherVariantCases: number;
  /** Cases left out: no group of k even after every merge. */
  suppressedCases: number;
  /** Share of cases not shown at their own (jobcenter, month, variant): the price of k. */
  mergedShare: number;
}

/**
 * Builds the viewer-grade model of one (log, version) in the caller's transaction: merges the
 * exact cells into cells of at least k cases, decides per cell which variants stay themselves,
 * runs every registered viewer-grade builder and records the k and the price in `viewer_builds`.
 */
export function buildViewerModel(
  sqlite: Database.Database,
  target: { log: string; version: number },
  exact: Omit<ViewerModelInput, 'cells' | 'cellOfCase' | 'keptCase'>,
): ViewerBuildSummary {
  const { pairs, k } = exact;
  const casesOfGroup = new Float64Array(exact.groups.length);
  for (let p = 0; p < pairs.count; p++) casesOfGroup[pairs.group[p]!]! += pairs.cases[p]!;
  const cells = mergeCells(exact.groups, casesOfGroup, k);
  const V = exact.variants.variants.length;
  const viewerPair = new Map<number, number>();
  const pairOfExact = new Int32Array(pairs.count);
  const cellOfPair: number[] = [];
  const casesOfPair: number[] = [];
  for (let p = 0; p < pairs.count; p++) {
    const cell = cells.cellOfGroup[pairs.group[p]!]!;
    const key = cell * V + pairs.variant[p]!;
    let vp = cell < 0 ? -1 : viewerPair.get(key);
    if (vp === undefined) {
      vp = cellOfPair.length;
      viewerPair.set(key, vp);
      cellOfPair.push(cell);
      casesOfPair.push(0);
    }
    pairOfExact[p] = vp;
    if (vp >= 0) casesOfPair[vp]! += pairs.cases[p]!;
  }
  const { kept } = keepVariants(cellOfPair, casesOfPair, cells.cells.length, k);
  const n = exact.stats.length;
  const cellOfCase = new Int32Array(n);
  const keptCase = new Uint8Array(n);
  let otherVariantCases = 0;
  const merged = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const g = exact.groupOfCase[c]!;
    const vp = pairOfExact[pairs.pairOfCase[c]!]!;
    cellOfCase[c] = cells.cellOfGroup[g]!;
    keptCase[c] = vp >= 0 && kept[vp] ? 1 : 0;
    const cell = cells.cells[cellOfCase[c]!];
    merged[c] = cell && (cell.period !== exact.groups[g]!.period || cell.jobcenter !== exact.groups[g]!.jobcenter) ? 1 : 0;
    if (vp >= 0 && !keptCase[c] && !merged[c]) otherVariantCases++;
  }
  const input: ViewerModelInput = { ...exact, cells, cellOfCase, keptCase };
  const out = createModelWriter(sqlite, target.log, target.version, 'viewer_');
  for (const builder of VIEWER_TABLE_BUILDERS) builder.build(input, out);
  out.finish();
  const summary: ViewerBuildSummary = {
    k,
    cases: n,
    mergedCellCases: cells.mergedCases,
    otherVariantCases,
    suppressedCases: cells.suppressedCases,
    mergedShare: n === 0 ? 0 : (cells.mergedCases + otherVariantCases + cells.suppressedCases) / n,
  };
  sqlite
    .prepare(
      `INSERT INTO viewer_builds (log, version, k, cases, merged_cell_cases, other_variant_cases, suppressed_cases) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(log) DO UPDATE SET version = excluded.version, k = excluded.k, cases = excluded.cases,
       merged_cell_cases = excluded.merged_cell_cases, other_variant_cases = excluded.other_variant_cases, suppressed_cases = excluded.suppressed_cases`,
    )
    .run(target.log, target.version, k, n, cells.mergedCases, otherVariantCases, cells.suppressedCases);
  return summary;
}

import type Database from 'better-sqlite3';
import { viewerBuildOf } from '../../db/model-queries';
import { caseCellVariants, cellVariants } from '../../db/viewer-queries';
import type { Grain } from '../case-groups';
import { decideViewerCells } from './viewer-cells';

/** Where one case sits in the viewer-grade model. */
export interface ViewerCaseCell {
  /** Viewer cell index (into `ViewerAnalysisInput.cells`), -1 when the case is left out. */
  cell: number;
  /** True when its variant is shown as itself in that cell, false when it is in "other variants". */
  kept: boolean;
  /** The case's variant (`variants.variant_key`). */
  variantKey: string;
}

/**
 * What a viewer-grade builder of an analysis table gets: the database (to read the exact
 * analysis rows of the version), the version, k, and the viewer grouping of its cases, the
 * same as the viewer-grade model's (`decideViewerCells` on the exact `variants` rows).
 */
export interface ViewerAnalysisInput {
  sqlite: Database.Database;
  log: string;
  version: number;
  k: number;
  /** The viewer cells, each holding at least k cases. */
  cells: Grain[];
  /** Viewer cell of each case, by case id. */
  caseCell: Map<string, ViewerCaseCell>;
  /** Cases placed in each viewer cell (kept variants and "other variants" together). */
  cellCases: Int32Array;
}

const keyOf = (process: string, jobcenter: string, period: string): string => `${process}\u0000${jobcenter}\u0000${period}`;

/**
 * Rebuilds the viewer grouping of a (log, version) from its exact `variants` and `cases` rows
 * and the k in `viewer_builds`: `decideViewerCells` depends only on the (cell, variant, cases)
 * triples, so every case lands in the same viewer cell as in the viewer-grade model. Null when
 * the version has no viewer-grade model.
 */
export function readViewerAnalysisInput(sqlite: Database.Database, log: string, version: number): ViewerAnalysisInput | null {
  const target = { log, version };
  const k = viewerBuildOf(sqlite, log, version)?.k;
  if (k === undefined) return null;
  const groups: Grain[] = [];
  const groupIndex = new Map<string, number>();
  const pairIndex = new Map<string, number>();
  const pairGroup: number[] = [];
  const pairVariant: number[] = [];
  const pairCases: number[] = [];
  const variantIndex = new Map<string, number>();
  for (const r of cellVariants(sqlite, target)) {
    const gKey = keyOf(r.process, r.jobcenter, r.period);
    let g = groupIndex.get(gKey);
    if (g === undefined) groupIndex.set(gKey, (g = groups.push({ process: r.process, jobcenter: r.jobcenter, period: r.period }) - 1));
    let v = variantIndex.get(r.variantKey);
    if (v === undefined) variantIndex.set(r.variantKey, (v = variantIndex.size));
    pairIndex.set(`${gKey}\u0000${r.variantKey}`, pairGroup.length);
    pairGroup.push(g);
    pairVariant.push(v);
    pairCases.push(r.cases);
  }
  const decided = decideViewerCells(groups, pairGroup, pairVariant, pairCases, k);
  const caseCell = new Map<string, ViewerCaseCell>();
  const cellCases = new Int32Array(decided.cells.length);
  for (const c of caseCellVariants(sqlite, target)) {
    const p = pairIndex.get(`${keyOf(c.process, c.jobcenter, c.period)}\u0000${c.variantKey}`);
    const cell = p === undefined ? -1 : decided.cellOfPair[p]!;
    caseCell.set(c.caseId, { cell, kept: cell >= 0 && decided.keptPair[p!] === 1, variantKey: c.variantKey });
    if (cell >= 0) cellCases[cell]!++;
  }
  return { sqlite, log, version, k, cells: decided.cells, caseCell, cellCases };
}

/**
 * A viewer-grade builder of analysis tables (rule compliance, conformance): run after the load's
 * analyses, it reads the exact per-case or per-variant rows of the version and writes rows of
 * at least k cases, each a sum over whole viewer rows (cases in their viewer cell).
 */
export interface ViewerAnalysisBuilder {
  /** The viewer tables this builder writes. */
  tables: readonly string[];
  build(input: ViewerAnalysisInput): void;
}

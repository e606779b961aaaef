import {
  checkedCases,
  conformanceActivitiesInserter,
  conformanceVariantRows,
  conformanceVariantsInserter,
  CONFORMANCE_SUM_KEYS,
} from '../../db/conformance-rows';
import type { ViewerAnalysisBuilder } from './analysis-input';

/** The only real-valued sum; the others are integers. */
const REAL_SUM = 'sumFitness';

/** One variant shown as itself in one viewer cell: its closed cases' conformance, all alike. */
interface Group {
  cell: number;
  variantKey: string;
  cases: number;
  conformanceKeys: Set<string>;
  /** Per-case values of `CONFORMANCE_SUM_KEYS` (every case of a variant aligns and replays alike). */
  perCase: number[];
  deviations: string | null;
}

/**
 * `viewer_conformance_variants` and `viewer_conformance_activities`: conformance of the
 * variants a viewer sees as themselves, per viewer cell. A variant's cases align and replay
 * alike (once per variant), so a row of n cases holds n times one case's figures, and every
 * count in it is 0 or n (n ≥ k). A kept variant is written only when all its cases in the cell
 * are checked (closed) under one conformance variant; "other variants" are left out, as in
 * `viewer_activities`. Activities sum the deviations of the rows written.
 */
export const CONFORMANCE_VIEWER_TABLES: ViewerAnalysisBuilder = {
  tables: ['viewer_conformance_variants', 'viewer_conformance_activities'],
  build(input) {
    const { sqlite, cells, caseCell } = input;
    const perCaseOf = new Map<string, number[]>();
    for (const r of conformanceVariantRows(sqlite, input)) {
      perCaseOf.set(
        `${r.process}\u0000${r.jobcenter}\u0000${r.period}\u0000${r.variantKey}`,
        CONFORMANCE_SUM_KEYS.map((c) => r[c] / r.cases),
      );
    }
    if (perCaseOf.size === 0) return;
    const keptCases = new Map<string, number>();
    for (const c of caseCell.values()) {
      if (!c.kept) continue;
      const key = `${c.cell}\u0000${c.variantKey}`;
      keptCases.set(key, (keptCases.get(key) ?? 0) + 1);
    }
    const groups = new Map<string, Group>();
    for (const r of checkedCases(sqlite, input)) {
      const at = caseCell.get(r.caseId);
      if (!at?.kept) continue;
      const key = `${at.cell}\u0000${at.variantKey}`;
      let g = groups.get(key);
      if (!g) {
        const perCase = perCaseOf.get(`${r.process}\u0000${r.jobcenter}\u0000${r.period}\u0000${r.variantKey}`);
        if (!perCase) continue;
        groups.set(
          key,
          (g = { cell: at.cell, variantKey: at.variantKey, cases: 0, conformanceKeys: new Set(), perCase, deviations: r.deviations }),
        );
      }
      g.cases++;
      g.conformanceKeys.add(r.variantKey);
    }
    const variantsOut = conformanceVariantsInserter(sqlite, 'viewer', input);
    const activities = new Map<string, { cell: number; activity: string; sums: [number, number, number, number] }>();
    for (const [key, g] of groups) {
      if (g.cases !== keptCases.get(key) || g.conformanceKeys.size !== 1) continue;
      const cell = cells[g.cell]!;
      const sums = g.perCase.map((v, i) => (CONFORMANCE_SUM_KEYS[i] === REAL_SUM ? v * g.cases : Math.round(v * g.cases)));
      variantsOut.add(cell, g.variantKey, g.cases, sums);
      if (g.deviations === null) continue;
      const seen = new Set<string>();
      for (const move of JSON.parse(g.deviations) as { kind: 'log' | 'model'; activity: string }[]) {
        const id = `${g.cell}\u0000${move.activity}`;
        let row = activities.get(id);
        if (!row) activities.set(id, (row = { cell: g.cell, activity: move.activity, sums: [0, 0, 0, 0] }));
        const isLog = move.kind === 'log';
        row.sums[isLog ? 0 : 1] += g.cases;
        if (!seen.has(`${move.kind}\u0000${move.activity}`)) {
          seen.add(`${move.kind}\u0000${move.activity}`);
          row.sums[isLog ? 2 : 3] += g.cases;
        }
      }
    }
    variantsOut.flush();
    const activitiesOut = conformanceActivitiesInserter(sqlite, 'viewer', input);
    for (const a of activities.values()) {
      const cell = cells[a.cell]!;
      activitiesOut.add([cell.process, cell.jobcenter, cell.period, a.activity, ...a.sums]);
    }
    activitiesOut.flush();
  },
};

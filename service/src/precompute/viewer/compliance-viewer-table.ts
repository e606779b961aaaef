import { RULE_STATUSES } from '@sagsflow/shared';
import { caseResults, checkedRules, complianceInserter } from '../../db/compliance-rows';
import type { ViewerAnalysisBuilder } from './analysis-input';

/** Status of a `viewer_compliance` row that merges statuses of fewer than k cases in its cell. */
export const OTHER_STATUS = 'other';

/** Cases and days late of one status. */
interface StatusCount {
  status: string;
  cases: number;
  late: number;
}

/**
 * The rows of one (viewer cell, rule): each status with at least k cases as it is; the statuses
 * under k merged into one `other` row, with the next smallest statuses added while it is still
 * under k. The cell holds at least k cases, so every row written holds at least k, and no
 * status under k can be had by subtracting the others from the cell's total. The merged row's
 * days late are not given (they would be those of fewer than k violated cases).
 *
 * @example mergeSmallStatuses([{ status: 'fulfilled', cases: 9, late: 0 }, { status: 'violated', cases: 2, late: 6 }], 5)
 * // [{ status: 'other', cases: 11, late: 0 }]
 */
export function mergeSmallStatuses(counts: readonly StatusCount[], k: number): StatusCount[] {
  const present = counts.filter((c) => c.cases > 0);
  const pool = present.filter((c) => c.cases < k);
  if (pool.length === 0) return present;
  const rest = present.filter((c) => c.cases >= k).sort((a, b) => a.cases - b.cases);
  let pooled = pool.reduce((n, c) => n + c.cases, 0);
  while (pooled < k && rest.length > 0) pooled += rest.shift()!.cases;
  return [
    ...rest.sort((a, b) => RULE_STATUSES.indexOf(a.status as never) - RULE_STATUSES.indexOf(b.status as never)),
    { status: OTHER_STATUS, cases: pooled, late: 0 },
  ];
}

/**
 * `viewer_compliance` from the per-case results (`case_compliance`) counted in each case's
 * viewer cell; the cases of the cell a rule did not apply to are its `notApplicable`. Only the
 * (process, rule) pairs the exact table has are written (a catalogue for one process checks
 * only its cases).
 */
export const COMPLIANCE_VIEWER_TABLE: ViewerAnalysisBuilder = {
  tables: ['viewer_compliance'],
  build(input) {
    const { sqlite, cells, caseCell, cellCases, k } = input;
    const checked = checkedRules(sqlite, input);
    if (checked.length === 0) return;
    const perCellRule = new Map<string, Map<string, StatusCount>>();
    for (const r of caseResults(sqlite, input)) {
      const cell = caseCell.get(r.caseId)?.cell ?? -1;
      if (cell < 0) continue;
      const key = `${cell}\u0000${r.rule}`;
      let statuses = perCellRule.get(key);
      if (!statuses) perCellRule.set(key, (statuses = new Map()));
      const s = statuses.get(r.status) ?? { status: r.status, cases: 0, late: 0 };
      s.cases++;
      s.late += r.daysLate ?? 0;
      statuses.set(r.status, s);
    }
    const out = complianceInserter(sqlite, 'viewer', input);
    for (const { process, rule } of checked) {
      cells.forEach((cell, i) => {
        if (cell.process !== process || cellCases[i]! === 0) return;
        const statuses = perCellRule.get(`${i}\u0000${rule}`) ?? new Map<string, StatusCount>();
        const applied = [...statuses.values()].reduce((n, s) => n + s.cases, 0);
        const counts = RULE_STATUSES.map((status) =>
          status === 'notApplicable'
            ? { status, cases: cellCases[i]! - applied, late: 0 }
            : (statuses.get(status) ?? { status, cases: 0, late: 0 }),
        );
        for (const s of mergeSmallStatuses(counts, k))
          out.add([cell.process, cell.jobcenter, cell.period, rule, s.status, s.cases, s.late]);
      });
    }
    out.flush();
  },
};

import type { EventLog } from '../event-log/types';
import { RuleStatusCode, type RuleCounts, type RuleOutcome } from './types';

/** fulfilled / (fulfilled + violated), or null when no case was decided. */
export function complianceRate(counts: RuleCounts): number | null {
  const decided = counts.fulfilled + counts.violated;
  return decided === 0 ? null : counts.fulfilled / decided;
}

/** One group's counts under a rule, its rate, and whether it meets the rule's `share`. */
export interface GroupCompliance extends RuleCounts {
  group: string;
  complianceRate: number | null;
  /** rate >= share; null when the rule has no share or the group has no decided case. */
  meetsShare: boolean | null;
}

/**
 * A rule's counts per value of a case attribute (by default `jobcenter`; cases without a
 * value form the group `''`), with the compliance rate and, for a rule with `share`,
 * whether the group meets it (its rate is at least the share). Groups in name order.
 *
 * @example complianceByGroup(log, outcome).find((g) => g.group === 'Jobcenter Nord')?.meetsShare
 */
export function complianceByGroup(log: EventLog, outcome: RuleOutcome, attribute = 'jobcenter'): GroupCompliance[] {
  const column = log.caseAttributes.get(attribute);
  const groups = new Map<string, RuleCounts>();
  for (let c = 0; c < outcome.status.length; c++) {
    const code = column ? column.codes[c]! : -1;
    const name = code >= 0 ? column!.values[code]! : '';
    let counts = groups.get(name);
    if (!counts) groups.set(name, (counts = { fulfilled: 0, violated: 0, pending: 0, notApplicable: 0 }));
    const s = outcome.status[c];
    if (s === RuleStatusCode.fulfilled) counts.fulfilled++;
    else if (s === RuleStatusCode.violated) counts.violated++;
    else if (s === RuleStatusCode.pending) counts.pending++;
    else counts.notApplicable++;
  }
  const share = outcome.rule.share;
  return [...groups.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([group, counts]) => {
      const rate = complianceRate(counts);
      return { group, ...counts, complianceRate: rate, meetsShare: share === null || rate === null ? null : rate >= share };
    });
}

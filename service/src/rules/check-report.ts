import {
  RULE_STATUSES,
  complianceByGroup,
  formatIsoDate,
  type EventLog,
  type GroupCompliance,
  type RuleCatalogue,
  type RuleEvaluation,
  type RuleStatus,
} from '@sagsflow/shared';
import { JOBCENTER } from './load-rule-log';

/** One rule's line of `sagsflow rules check --json`. */
export interface RuleCheckLine {
  id: string;
  kind: string;
  fulfilled: number;
  violated: number;
  pending: number;
  notApplicable: number;
  complianceRate: number | null;
}

/** One case's result under one rule (`--cases`). */
export interface CaseCheckLine {
  case: string;
  rule: string;
  status: RuleStatus;
  daysLate: number | null;
}

/** The JSON document of `sagsflow rules check --json`, exactly in this shape. */
export interface RuleCheckReport {
  asOf: string | null;
  catalogue: string;
  rules: RuleCheckLine[];
  cases?: CaseCheckLine[];
}

/** Builds the report of a rule check; `cases` lists every case under every rule, case by case. */
export function ruleCheckReport(log: EventLog, catalogue: RuleCatalogue, evaluation: RuleEvaluation, withCases: boolean): RuleCheckReport {
  const report: RuleCheckReport = {
    asOf: evaluation.asOfDay === null ? null : formatIsoDate(evaluation.asOfDay),
    catalogue: catalogue.catalogue,
    rules: evaluation.outcomes.map((o) => ({ id: o.rule.id, kind: o.rule.kind, ...o.counts, complianceRate: o.complianceRate })),
  };
  if (withCases) {
    const cases: CaseCheckLine[] = [];
    for (let c = 0; c < log.caseIds.length; c++) {
      for (const o of evaluation.outcomes) {
        const late = o.daysLate[c]!;
        cases.push({
          case: log.caseIds[c]!,
          rule: o.rule.id,
          status: RULE_STATUSES[o.status[c]!]!,
          daysLate: Number.isNaN(late) ? null : late,
        });
      }
    }
    report.cases = cases;
  }
  return report;
}

/** Per rule with a `share`, the jobcenters and whether each meets it. */
export function sharesByJobcenter(log: EventLog, evaluation: RuleEvaluation): Map<string, GroupCompliance[]> {
  const shares = new Map<string, GroupCompliance[]>();
  for (const o of evaluation.outcomes) {
    if (o.rule.share !== null) shares.set(o.rule.id, complianceByGroup(log, o, JOBCENTER));
  }
  return shares;
}

/** The text table of a rule check (one line per rule, then the share targets per jobcenter). */
export function renderRuleCheck(report: RuleCheckReport, shares: Map<string, GroupCompliance[]>, caseCount: number): string {
  const n = (x: number) => x.toLocaleString('en');
  const rate = (r: number | null) => (r === null ? '-' : `${(r * 100).toFixed(1)}%`);
  const idWidth = Math.max(4, ...report.rules.map((r) => r.id.length));
  const kindWidth = Math.max(4, ...report.rules.map((r) => r.kind.length));
  const head = `  ${'rule'.padEnd(idWidth)}  ${'kind'.padEnd(kindWidth)}  ${'fulfilled'.padStart(10)}  ${'violated'.padStart(10)}  ${'pending'.padStart(10)}  ${'n/a'.padStart(10)}  ${'rate'.padStart(7)}`;
  const lines = [
    `catalogue ${report.catalogue}, as of ${report.asOf ?? '-'}, ${n(caseCount)} cases`,
    head,
    ...report.rules.map(
      (r) =>
        `  ${r.id.padEnd(idWidth)}  ${r.kind.padEnd(kindWidth)}  ${n(r.fulfilled).padStart(10)}  ${n(r.violated).padStart(10)}  ${n(r.pending).padStart(10)}  ${n(r.notApplicable).padStart(10)}  ${rate(r.complianceRate).padStart(7)}`,
    ),
  ];
  for (const [id, groups] of shares) {
    const decided = groups.filter((g) => g.meetsShare !== null);
    lines.push('', `  ${id}: jobcenters meeting the share target (${decided.filter((g) => g.meetsShare).length} of ${decided.length})`);
    for (const g of groups) {
      const verdict = g.meetsShare === null ? 'no decided cases' : g.meetsShare ? 'meets' : 'below';
      lines.push(`    ${(g.group || '(no jobcenter)').padEnd(40)} ${rate(g.complianceRate).padStart(7)}  ${verdict}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

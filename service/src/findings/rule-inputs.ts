import type Database from 'better-sqlite3';
import type { RuleViolationInput } from '@sagsflow/shared';
import { caseVerdictRows, ruleCounts, ruleTitles, violatedCasesReader } from '../db/findings-queries';
import type { FindingScope } from './scopes';

/** Broken cases listed per rule and jobcenter at most. */
const LISTED_CASES = 50;

/** Per case id of a process: 1 = broke a rule, 0 = complied with every rule that applied. */
export type CaseVerdicts = Map<string, 0 | 1>;

/** The verdict of every case of a process from `case_compliance` (empty when no catalogue was attached). */
export function caseVerdicts(sqlite: Database.Database, log: string, version: number, process: string): CaseVerdicts {
  return new Map(caseVerdictRows(sqlite, log, version, process).map((r) => [r.id, r.violated]));
}

/**
 * The rule violations of a scope from the compliance tables the same load wrote (where a rule
 * catalogue was attached): per rule and jobcenter the cases checked (fulfilled + violated) and
 * broken, the rule's title, the first broken cases; and per case of the scope whether it broke
 * a rule. Null when the load has no catalogue.
 */
export function ruleInputs(
  sqlite: Database.Database,
  log: string,
  version: number,
  scope: FindingScope,
  verdicts: CaseVerdicts,
  caseIdOf: (fullCase: number) => string,
): {
  ruleViolations: RuleViolationInput[];
  compliantOfCase: (c: number) => boolean | null;
} | null {
  const rows = ruleCounts(sqlite, log, version, scope);
  if (rows.length === 0) return null;
  const titles = new Map(ruleTitles(sqlite, log, version).map((r) => [r.rule, r]));
  const broken = violatedCasesReader(sqlite, LISTED_CASES);
  const ruleViolations = rows.map((r) => ({
    rule: r.rule,
    ...(titles.has(r.rule) ? { ruleText: titles.get(r.rule)!.en, ruleTextDa: titles.get(r.rule)!.da } : {}),
    jobcenter: r.jobcenter,
    cases: r.checked,
    violations: r.violated,
    caseIds: r.violated > 0 ? broken(log, version, scope.process, r.jobcenter, r.rule) : [],
  }));
  return {
    ruleViolations,
    compliantOfCase: (c) => {
      const v = verdicts.get(caseIdOf(scope.caseIndex[c]!));
      return v === undefined ? null : v === 0;
    },
  };
}

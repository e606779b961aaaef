import type { RuleViolationInput } from '@sagsflow/shared';
import type { ProcessSources } from './finding-sources';
import type { FindingScope } from './scopes';

/**
 * The rule violations of a scope from the compliance rows the same load wrote (where a rule
 * catalogue was attached): per rule and jobcenter the cases checked (fulfilled + violated) and
 * broken, the rule's title, the first broken cases; and per case of the scope whether it broke
 * a rule. Null when the scope has no compliance rows.
 */
export function ruleInputs(
  sources: ProcessSources,
  scope: FindingScope,
  caseIdOf: (fullCase: number) => string,
): {
  ruleViolations: RuleViolationInput[];
  compliantOfCase: (c: number) => boolean | null;
} | null {
  const rows = scope.jobcenter === '' ? sources.rules : sources.rules.filter((r) => r.jobcenter === scope.jobcenter);
  if (rows.length === 0) return null;
  const ruleViolations = rows.map((r) => ({
    rule: r.rule,
    ...(r.titles ? { ruleText: r.titles.en, ruleTextDa: r.titles.da } : {}),
    jobcenter: r.jobcenter,
    cases: r.checked,
    violations: r.violated,
    caseIds: r.caseIds,
  }));
  return {
    ruleViolations,
    compliantOfCase: (c) => {
      const v = sources.verdicts.get(caseIdOf(scope.caseIndex[c]!));
      return v === undefined ? null : v === 0;
    },
  };
}

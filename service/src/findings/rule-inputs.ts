import { existsSync, readFileSync } from 'node:fs';
import { evaluateRules, RuleStatusCode, type EventLog, type RuleCatalogue, type RuleOutcome, type RuleViolationInput } from '../../../shared/src/index';
import { processEntry, processNameOf } from '../processes/index';
import { parseCatalogue } from '../rules/parse-catalogue';
import type { FindingScope } from './scopes';

/** The rule results of one process, per case of the full log. */
export interface ProcessRules {
  outcomes: RuleOutcome[];
  /** Full-log case index -> index into the outcome arrays (-1 = not in this process). */
  indexOf: Int32Array;
}

/** The rule catalogue of a pilot process (`processes/<name>/rules.yaml`), or null when it has none. */
export function processCatalogue(process: string): RuleCatalogue | null {
  const name = processNameOf(process);
  if (!name) return null;
  const path = processEntry(name).rulesPath;
  if (!existsSync(path)) return null;
  return parseCatalogue(readFileSync(path, 'utf8'), path);
}

/** Evaluates a process's catalogue on the cases of its all-jobcenter scope. */
export function evaluateProcessRules(scope: FindingScope, fullCases: number, catalogue: RuleCatalogue): ProcessRules {
  const indexOf = new Int32Array(fullCases).fill(-1);
  scope.caseIndex.forEach((full, i) => (indexOf[full] = i));
  return { outcomes: evaluateRules(scope.log, catalogue).outcomes, indexOf };
}

/**
 * The rule violations of a scope (all jobcenters: one row per rule and per jobcenter; one
 * jobcenter: its row) and, per case of the scope, whether it broke a rule.
 */
export function ruleInputs(rules: ProcessRules, scope: FindingScope, jobcenterOf: (fullCase: number) => string, caseIdOf: (fullCase: number) => string): {
  ruleViolations: RuleViolationInput[];
  compliantOfCase: (c: number) => boolean | null;
} {
  const out: RuleViolationInput[] = [];
  const n = scope.caseIndex.length;
  const compliant = new Int8Array(n).fill(-1);
  for (const o of rules.outcomes) {
    const perJc = new Map<string, { cases: number; violations: number; ids: string[] }>();
    for (let c = 0; c < n; c++) {
      const full = scope.caseIndex[c]!;
      const status = o.status[rules.indexOf[full]!]!;
      if (status !== RuleStatusCode.fulfilled && status !== RuleStatusCode.violated) continue;
      const jc = scope.jobcenter === '' ? jobcenterOf(full) : scope.jobcenter;
      let g = perJc.get(jc);
      if (!g) perJc.set(jc, (g = { cases: 0, violations: 0, ids: [] }));
      g.cases++;
      if (status === RuleStatusCode.violated) {
        g.violations++;
        if (g.ids.length < 50) g.ids.push(caseIdOf(full));
        compliant[c] = 0;
      } else if (compliant[c] === -1) compliant[c] = 1;
    }
    const text = { ruleText: o.rule.title.en, ruleTextDa: o.rule.title.da };
    for (const [jobcenter, g] of perJc) out.push({ rule: o.rule.id, ...text, jobcenter, cases: g.cases, violations: g.violations, caseIds: g.ids });
  }
  return { ruleViolations: out, compliantOfCase: (c) => (compliant[c] === -1 ? null : compliant[c] === 1) };
}

export type { EventLog };

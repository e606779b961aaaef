import type Database from 'better-sqlite3';
import type { RuleViolationInput } from '@sagsflow/shared';
import type { FindingScope } from './scopes';

/** Per case id of a process: 1 = broke a rule, 0 = complied with every rule that applied. */
export type CaseVerdicts = Map<string, 0 | 1>;

/** The verdict of every case of a process from `case_compliance` (empty when no catalogue was attached). */
export function caseVerdicts(sqlite: Database.Database, log: string, version: number, process: string): CaseVerdicts {
  const rows = sqlite
    .prepare(
      `SELECT case_id AS id, max(status = 'violated') AS violated FROM case_compliance
       WHERE log = ? AND version = ? AND process = ? AND status IN ('fulfilled', 'violated') GROUP BY case_id`,
    )
    .all(log, version, process) as { id: string; violated: 0 | 1 }[];
  return new Map(rows.map((r) => [r.id, r.violated]));
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
  const jc = scope.jobcenter === '' ? '' : ' AND jobcenter = ?';
  const params = [log, version, scope.process, ...(scope.jobcenter === '' ? [] : [scope.jobcenter])];
  const rows = sqlite
    .prepare(
      `SELECT rule, jobcenter, sum(CASE WHEN status IN ('fulfilled', 'violated') THEN cases ELSE 0 END) AS checked,
        sum(CASE WHEN status = 'violated' THEN cases ELSE 0 END) AS violated
       FROM compliance WHERE log = ? AND version = ? AND process = ?${jc} GROUP BY rule, jobcenter ORDER BY rule, jobcenter`,
    )
    .all(...params) as { rule: string; jobcenter: string; checked: number; violated: number }[];
  if (rows.length === 0) return null;
  const titles = new Map(
    (
      sqlite.prepare('SELECT rule, title_da AS da, title_en AS en FROM rules WHERE log = ? AND version = ?').all(log, version) as {
        rule: string;
        da: string;
        en: string;
      }[]
    ).map((r) => [r.rule, r]),
  );
  const broken = sqlite.prepare(
    `SELECT case_id FROM case_compliance WHERE log = ? AND version = ? AND process = ? AND jobcenter = ? AND rule = ? AND status = 'violated' ORDER BY id LIMIT 50`,
  );
  const ruleViolations = rows.map((r) => ({
    rule: r.rule,
    ...(titles.has(r.rule) ? { ruleText: titles.get(r.rule)!.en, ruleTextDa: titles.get(r.rule)!.da } : {}),
    jobcenter: r.jobcenter,
    cases: r.checked,
    violations: r.violated,
    caseIds: r.violated > 0 ? (broken.pluck().all(log, version, scope.process, r.jobcenter, r.rule) as string[]) : [],
  }));
  return {
    ruleViolations,
    compliantOfCase: (c) => {
      const v = verdicts.get(caseIdOf(scope.caseIndex[c]!));
      return v === undefined ? null : v === 0;
    },
  };
}

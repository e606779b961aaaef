import type { Variant } from '../variants/discover-variants';
import type { AutomationScore } from './automation';
import type { BestPractice } from './best-practice';
import type { FindingContext } from './build-findings';
import { findingId, type FindingPlace } from './finding-id';
import type { DeviationInput, Finding, RuleViolationInput } from './types';

function finding(
  place: FindingPlace,
  rest: Omit<Finding, 'id' | 'kind' | 'process' | 'jobcenter' | 'activity' | 'fromActivity' | 'toActivity' | 'rule'>,
): Finding {
  const { detail: _detail, ...where } = place;
  return { id: findingId(place), ...where, ...rest };
}

/**
 * One finding per rule broken in at least k cases (all jobcenters together), most violations
 * first; the jobcenter with the highest violation rate (of those with at least k checked cases) as evidence.
 */
export function ruleFindings(rows: readonly RuleViolationInput[], ctx: FindingContext): Finding[] {
  const k = ctx.settings.minGroupSize;
  const byRule = new Map<string, RuleViolationInput[]>();
  for (const r of rows) byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), r]);
  const out: Omit<Finding, 'rank'>[] = [];
  for (const [rule, list] of byRule) {
    const all = list.find((r) => r.jobcenter === null);
    const perJc = list.filter((r) => r.jobcenter !== null);
    const cases = all ? all.cases : perJc.reduce((s, r) => s + r.cases, 0);
    const violations = all ? all.violations : perJc.reduce((s, r) => s + r.violations, 0);
    if (violations < k) continue;
    const worst = perJc.filter((r) => r.cases >= k && r.violations >= k).sort((a, b) => b.violations / b.cases - a.violations / a.cases)[0];
    const caseIds = (all?.caseIds ?? perJc.flatMap((r) => r.caseIds ?? [])).slice(0, ctx.settings.evidenceCases);
    const rates: Finding['evidence'] = {};
    for (const r of perJc) if (r.cases >= k && r.jobcenter) rates[`rate:${r.jobcenter}`] = 1 - r.violations / r.cases;
    out.push(
      finding(
        { kind: 'rule-violation', process: ctx.process, jobcenter: '', activity: null, fromActivity: null, toActivity: null, rule },
        {
          rank: 0,
          cases: violations,
          valueDkk: ctx.settings.optimisedWorkflowDkk,
          evidence: {
            ruleText: list.find((r) => r.ruleText)?.ruleText ?? null,
            ruleTextDa: list.find((r) => r.ruleTextDa)?.ruleTextDa ?? null,
            checkedCases: cases,
            violations,
            violationRate: cases > 0 ? violations / cases : 0,
            worstJobcenter: worst?.jobcenter ?? null,
            worstViolationRate: worst ? worst.violations / worst.cases : null,
            ...rates,
          },
          caseIds: [...caseIds],
        },
      ),
    );
  }
  return ranked(out, (f) => f.cases);
}

/** One finding per deviation from the model (kind and place) seen in at least k cases, most cases first. */
export function deviationFindings(rows: readonly DeviationInput[], ctx: FindingContext): Finding[] {
  const k = ctx.settings.minGroupSize;
  const groups = new Map<string, DeviationInput[]>();
  for (const r of rows) {
    const key = [r.deviation, r.activity ?? '', r.fromActivity ?? '', r.toActivity ?? ''].join('\u001f');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: Omit<Finding, 'rank'>[] = [];
  for (const list of groups.values()) {
    const first = list[0]!;
    const all = list.find((r) => r.jobcenter === null);
    const perJc = list.filter((r) => r.jobcenter !== null);
    const cases = all ? all.cases : perJc.reduce((s, r) => s + r.cases, 0);
    const deviating = all ? all.deviatingCases : perJc.reduce((s, r) => s + r.deviatingCases, 0);
    if (deviating < k) continue;
    const worst = perJc
      .filter((r) => r.cases >= k && r.deviatingCases >= k)
      .sort((a, b) => b.deviatingCases / b.cases - a.deviatingCases / a.cases)[0];
    out.push(
      finding(
        {
          kind: 'model-deviation',
          process: ctx.process,
          jobcenter: '',
          activity: first.activity,
          fromActivity: first.fromActivity ?? null,
          toActivity: first.toActivity ?? null,
          rule: null,
          detail: first.deviation,
        },
        {
          rank: 0,
          cases: deviating,
          valueDkk: ctx.settings.optimisedWorkflowDkk,
          evidence: {
            deviation: first.deviation,
            checkedCases: cases,
            deviatingCases: deviating,
            share: cases > 0 ? deviating / cases : 0,
            worstJobcenter: worst?.jobcenter ?? null,
            worstShare: worst ? worst.deviatingCases / worst.cases : null,
          },
          caseIds: (all?.caseIds ?? perJc.flatMap((r) => r.caseIds ?? [])).slice(0, ctx.settings.evidenceCases),
        },
      ),
    );
  }
  return ranked(out, (f) => f.cases);
}

/** The activities scoring at least `minAutomationScore`, best first, at most `automationCandidates`. */
export function automationFindings(scores: readonly AutomationScore[], ctx: FindingContext): Finding[] {
  const s = ctx.settings;
  return scores
    .filter((a) => a.score >= s.minAutomationScore)
    .slice(0, s.automationCandidates)
    .map((a, i) => {
      const evidence: Finding['evidence'] = {
        score: a.score,
        instances: a.instances,
        hoursPerYear: a.hoursPerYear,
        hoursFrom: a.hoursFrom,
        savingDkk: a.savingDkk,
        savingFrom: a.savingFrom,
        caseworkers: a.caseworkers,
        topSuccessor: a.topSuccessor,
        topSuccessorShare: a.topSuccessorShare,
      };
      for (const p of a.parts) {
        evidence[`part.${p.name}`] = p.value;
        evidence[`weight.${p.name}`] = p.weight;
      }
      return finding(
        {
          kind: 'automation-candidate',
          process: ctx.process,
          jobcenter: '',
          activity: a.activity,
          fromActivity: null,
          toActivity: null,
          rule: null,
        },
        {
          rank: i + 1,
          cases: a.cases,
          valueDkk: a.savingDkk,
          evidence,
          caseIds: casesWith(a.activity, ctx),
        },
      );
    });
}

/** The significant best practices, largest relative gain first. */
export function bestPracticeFindings(list: readonly BestPractice[], variants: readonly Variant[], ctx: FindingContext): Finding[] {
  const byKey = new Map(variants.map((v, i) => [v.key, { v, number: i + 1 }]));
  const out: Omit<Finding, 'rank'>[] = [];
  for (const b of list) {
    if (!b.significant) continue;
    const variant = b.dimension === 'variant' ? byKey.get(b.best.group) : undefined;
    out.push(
      finding(
        {
          kind: 'best-practice',
          process: ctx.process,
          jobcenter: b.dimension === 'jobcenter' ? b.best.group : '',
          activity: null,
          fromActivity: null,
          toActivity: null,
          rule: null,
          detail: `${b.dimension}:${b.measure}:${variant ? b.best.group : ''}`,
        },
        {
          rank: 0,
          cases: b.best.cases,
          valueDkk: ctx.settings.optimisedWorkflowDkk,
          evidence: {
            dimension: b.dimension,
            measure: b.measure,
            group: b.best.group,
            variantNumber: variant?.number ?? null,
            variantActivities: variant ? variant.v.activities.join(' → ') : null,
            value: b.best.value,
            restValue: b.rest.value,
            restCases: b.rest.cases,
            difference: b.difference,
            differenceLow: b.differenceInterval.low,
            differenceHigh: b.differenceInterval.high,
            groups: b.groups.length,
          },
          caseIds: [],
        },
      ),
    );
  }
  return ranked(out, (f) => {
    const rest = f.evidence['restValue'] as number;
    return rest > 0 ? (f.evidence['difference'] as number) / rest : 0;
  });
}

function ranked(list: Omit<Finding, 'rank'>[], weight: (f: Omit<Finding, 'rank'>) => number): Finding[] {
  return list
    .map((f) => ({ f, w: weight(f) }))
    .sort((a, b) => b.w - a.w || (a.f.id < b.f.id ? -1 : 1))
    .map(({ f }, i) => ({ ...f, rank: i + 1 }));
}

function casesWith(activity: string, ctx: FindingContext): string[] {
  const { log } = ctx;
  const a = log.activities.indexOf(activity);
  const out: string[] = [];
  for (let c = 0; c < log.caseIds.length && out.length < ctx.settings.evidenceCases; c++) {
    for (let e = log.caseOffsets[c]!; e < log.caseOffsets[c + 1]!; e++) {
      if (log.activity[e] === a) {
        out.push(log.caseIds[c]!);
        break;
      }
    }
  }
  return out;
}

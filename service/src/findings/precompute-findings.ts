import type Database from 'better-sqlite3';
import {
  buildFindings,
  caseStatistics,
  discoverVariants,
  findingId,
  workingDurationMs,
  type EventLog,
  type Finding,
  type FindingsSettings,
  type OutcomeSpec,
} from '@sagsflow/shared';
import { createPeriodOf, groupCases, PERIOD_TIME_ZONE } from '../precompute/index';
import { findingScopes, type FindingScope } from './scopes';
import { outcomeOfCase } from './outcome';
import { describeFinding } from './wording';
import { caseVerdicts, ruleInputs, type CaseVerdicts } from './rule-inputs';
import { conformanceInputs } from './conformance-inputs';
import { writeStepFindings } from './write-step-findings';
import { createFindingWriter, deleteFindingsOfOtherVersions, unresolvedFindingsBefore } from '../db/findings-queries';

/** Where findings are written and what they are computed with. */
export interface FindingsContext {
  sqlite: Database.Database;
  log: string;
  version: number;
  /** The process of every case (`--process`); null = from the `process` case attribute, else the log name. */
  process: string | null;
  minGroupSize: number;
  /** The outcome column named in the mapping, with its success values. */
  outcome?: OutcomeSpec | undefined;
  settings?: Partial<FindingsSettings> | undefined;
  /** End activities from the mapping, as precompute uses them (which cases are finished). */
  endActivities?: readonly string[] | undefined;
}

/** Waits are also counted on the administration's calendar (no weekends, holidays, Grundlovsdag, 24 and 31 December). */
const WAIT_CALENDAR = 'dk-administration';

/**
 * Computes the findings of one (log, version) for every scope (per process: all jobcenters,
 * and each jobcenter with at least k cases) and writes them in the caller's transaction with
 * their status against the previous version (new, open, resolved); then deletes the previous
 * version's findings, and lists them beside the variants in the step tables (`writeStepFindings`).
 * Returns the number of findings written.
 *
 * @example precomputeFindings(eventLog, { sqlite, log: 'dagpenge', version: 3, process: null, minGroupSize: 5 })
 */
export function precomputeFindings(log: EventLog, ctx: FindingsContext): number {
  const variants = discoverVariants(log);
  const stats = caseStatistics(log, { variants });
  const { groups, groupOfCase, closed } = groupCases(log, stats, ctx.process, ctx.log, ctx.endActivities);
  const groupOf = (c: number) => groups[groupOfCase[c]!]!;
  const periodOf = createPeriodOf();
  const outcome = ctx.outcome ? outcomeOfCase(log, ctx.outcome) : null;
  const settings = { ...ctx.settings, minGroupSize: ctx.minGroupSize };
  const previous = unresolvedFindingsBefore(ctx.sqlite, ctx.log, ctx.version);
  const before = new Map(previous.map((r) => [`${r.jobcenter}\u0000${r.findingId}`, r]));
  const out = createFindingWriter(ctx.sqlite);
  const seen = new Set<string>();
  let written = 0;
  const verdicts = new Map<string, CaseVerdicts>();
  const caseIdOf = (c: number) => log.caseIds[c]!;
  for (const scope of findingScopes(
    log,
    (c) => groupOf(c).process,
    (c) => groupOf(c).jobcenter,
    ctx.minGroupSize,
  )) {
    const whole = scope.log === log;
    if (!verdicts.has(scope.process)) verdicts.set(scope.process, caseVerdicts(ctx.sqlite, ctx.log, ctx.version, scope.process));
    const ruleInput = ruleInputs(ctx.sqlite, ctx.log, ctx.version, scope, verdicts.get(scope.process)!, caseIdOf) ?? {};
    const conformance = conformanceInputs(ctx.sqlite, ctx.log, ctx.version, scope, caseIdOf);
    const result = buildFindings(
      {
        log: scope.log,
        process: scope.process,
        jobcenterOf: (c) => groupOf(scope.caseIndex[c]!).jobcenter,
        periodOf,
        finished: (c) => closed[scope.caseIndex[c]!] === 1,
        workingDurationMs: (from, to) => workingDurationMs(from, to, WAIT_CALENDAR, PERIOD_TIME_ZONE),
        ...(outcome ? { succeededOfCase: (c: number) => outcome(scope.caseIndex[c]!) } : {}),
        ...(whole ? { variants } : {}),
        ...ruleInput,
        ...conformance,
      },
      settings,
    );
    for (const f of result.findings) {
      const id = scopedId(f, scope);
      const key = `${scope.jobcenter}\u0000${id}`;
      seen.add(key);
      const prior = before.get(key);
      const row = { ...f, id, jobcenter: scope.jobcenter };
      out.finding({
        log: ctx.log,
        version: ctx.version,
        process: scope.process,
        jobcenter: scope.jobcenter,
        findingId: id,
        kind: f.kind,
        rank: f.rank,
        status: prior ? 'open' : 'new',
        firstVersion: prior ? prior.firstVersion : ctx.version,
        activity: f.activity,
        fromActivity: f.fromActivity,
        toActivity: f.toActivity,
        rule: f.rule,
        cases: f.cases,
        valueDkk: f.valueDkk,
        evidence: JSON.stringify(f.evidence),
        summaryEn: describeFinding(row, 'en'),
        summaryDa: describeFinding(row, 'da'),
      });
      for (const caseId of f.caseIds) {
        out.findingCase({ log: ctx.log, version: ctx.version, process: scope.process, jobcenter: scope.jobcenter, findingId: id, caseId });
      }
      written++;
    }
  }
  for (const [key, r] of before) {
    if (seen.has(key)) continue;
    out.finding({ ...r, log: ctx.log, version: ctx.version, status: 'resolved' });
    written++;
  }
  deleteFindingsOfOtherVersions(ctx.sqlite, ctx.log, ctx.version);
  writeStepFindings(ctx.sqlite, ctx.log, ctx.version);
  return written;
}

/** A finding's id within its scope: the shared id for all jobcenters, made distinct per jobcenter scope. */
function scopedId(f: Finding, scope: FindingScope): string {
  if (scope.jobcenter === '') return f.id;
  return findingId({
    kind: f.kind,
    process: f.process,
    jobcenter: scope.jobcenter,
    activity: f.activity,
    fromActivity: f.fromActivity,
    toActivity: f.toActivity,
    rule: f.rule,
    detail: f.id,
  });
}

import {
  buildFindings,
  discoverVariants,
  findingId,
  type EventLog,
  type Finding,
  type FindingsSettings,
  type OutcomeSpec,
} from '@sagsflow/shared';
import { variantsOfCases } from '@sagsflow/shared/variants/variants-of-cases';
import { eventInstances, eventsAreInstances } from '@sagsflow/shared/lifecycle/activity-instances';
import { workingDurationTable } from '@sagsflow/shared/calendar/working-duration-table';
import { groupCases } from '../precompute/case-groups';
import { PERIOD_TIME_ZONE } from '../precompute/period';
import { conformanceInputs } from './conformance-inputs';
import { emptySources, type FindingSources } from './finding-sources';
import { findingsLog } from './findings-log';
import { outcomeOfCase } from './outcome';
import { ruleInputs } from './rule-inputs';
import { scopeCodes } from './scope-codes';
import { findingScopes, type FindingScope } from './scopes';

/** What findings are computed with besides the event log: plain data, so that a worker thread can take it. */
export interface FindingsSpec {
  /** The log's name (the process of its cases when neither `process` nor a `process` case attribute gives one). */
  log: string;
  /** The process of every case (`--process`); null = from the `process` case attribute, else the log name. */
  process: string | null;
  minGroupSize: number;
  /** The outcome column named in the mapping, with its success values. */
  outcome?: OutcomeSpec | undefined;
  settings?: Partial<FindingsSettings> | undefined;
  /** End activities from the mapping, as precompute uses them (which cases are finished). */
  endActivities?: readonly string[] | undefined;
}

/** The findings of one scope (a process, all its jobcenters or one of them), with their ids made distinct per scope. */
export interface ScopeFindings {
  process: string;
  /** '' = all jobcenters of the process. */
  jobcenter: string;
  findings: { finding: Finding; id: string }[];
}

/** Waits are also counted on the administration's calendar (no weekends, holidays, Grundlovsdag, 24 and 31 December). */
const WAIT_CALENDAR = 'dk-administration';

/**
 * Computes the findings of a log for every scope (per process: all jobcenters, and each
 * jobcenter with at least k cases), with the compliance and conformance `sources` of the same
 * load. Pure computation: no database, so it runs in the loading thread or in a worker.
 */
export function computeFindings(full: EventLog, spec: FindingsSpec, sources: FindingSources): ScopeFindings[] {
  const log = findingsLog(full, spec);
  const variants = discoverVariants(log);
  // A jobcenter's variants are narrowed from the log's, not discovered again.
  const variantsOf = variantsOfCases(log, variants);
  const { groups, groupOfCase, closed } = groupCases(log, caseStarts(log), spec.process, spec.log, spec.endActivities);
  const groupOf = (c: number) => groups[groupOfCase[c]!]!;
  const outcome = spec.outcome ? outcomeOfCase(log, spec.outcome) : null;
  const settings = { ...spec.settings, minGroupSize: spec.minGroupSize };
  const caseIdOf = (c: number) => log.caseIds[c]!;
  // Where every event is an instance of its own, so is every event of a scope (whole cases, same order).
  const eventsAreOwnInstances = eventsAreInstances(log);
  const working = workingDurationTable(WAIT_CALENDAR, PERIOD_TIME_ZONE, ...timeSpan(log.timestamp));
  const out: ScopeFindings[] = [];
  for (const scope of findingScopes(
    log,
    (c) => groupOf(c).process,
    (c) => groupOf(c).jobcenter,
    spec.minGroupSize,
  )) {
    const whole = scope.log === log;
    const processSources = sources.get(scope.process) ?? emptySources();
    const ruleInput = ruleInputs(processSources, scope, caseIdOf) ?? {};
    const conformance = conformanceInputs(processSources, scope, caseIdOf);
    const result = buildFindings(
      {
        log: scope.log,
        process: scope.process,
        ...(eventsAreOwnInstances ? { instances: eventInstances(scope.log) } : {}),
        finished: (c) => closed[scope.caseIndex[c]!] === 1,
        workingDurationMs: working,
        ...(outcome ? { succeededOfCase: (c: number) => outcome(scope.caseIndex[c]!) } : {}),
        ...(whole ? { variants } : variantsOf ? { variants: variantsOf(scope.caseIndex) } : {}),
        // A case's jobcenter and month (of its start, in Copenhagen) are those of its grain cell.
        jobcenters: scopeCodes(scope.caseIndex, groupOfCase, groups.length, (g) => groups[g]!.jobcenter),
        periods: scopeCodes(scope.caseIndex, groupOfCase, groups.length, (g) => groups[g]!.period),
        ...ruleInput,
        ...conformance,
      },
      settings,
    );
    out.push({
      process: scope.process,
      jobcenter: scope.jobcenter,
      findings: result.findings.map((finding) => ({ finding, id: scopedId(finding, scope) })),
    });
  }
  return out;
}

/** Each case's start (its first event's time, as `caseStatistics` gives it): all `groupCases` reads of a case's statistics. */
function caseStarts(log: EventLog): { start: number }[] {
  const out = new Array<{ start: number }>(log.caseIds.length);
  for (let c = 0; c < out.length; c++) out[c] = { start: log.timestamp[log.caseOffsets[c]!]! };
  return out;
}

/** The first and last of some instants. */
function timeSpan(ms: Float64Array): [number, number] {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < ms.length; i++) {
    if (ms[i]! < first) first = ms[i]!;
    if (ms[i]! > last) last = ms[i]!;
  }
  return [first, last];
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

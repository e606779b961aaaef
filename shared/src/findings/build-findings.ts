import type { EventLog } from '../event-log/types';
import { activityTimes, type ActivityTimes } from '../lifecycle/activity-times';
import { pairActivityInstances } from '../lifecycle/activity-instances';
import { discoverVariants, type Variants } from '../variants/discover-variants';
import { automationScores, type AutomationScore } from './automation';
import { compareGroups, type BestPractice, type GroupDimension, type OutcomeMeasure } from './best-practice';
import { markBottlenecks } from './bottleneck-definition';
import { jobcenterCodes, periodCodes, yearFactor, type CaseCodes } from './case-codes';
import { edgeWaitTable } from './edge-wait-table';
import { workingMedianWait, type EdgeWait } from './edge-waits';
import { bottleneckFindings, type BottleneckEdge } from './findings-of-bottlenecks';
import { bestPracticeFindings, automationFindings, deviationFindings, ruleFindings } from './findings-of-inputs';
import { findingsSettings, type FindingsSettings } from './settings';
import { collectTransitions } from './transitions';
import { FINDING_KINDS, type Finding, type FindingsInput } from './types';
import { indexInstances, workloadAround } from './workload';
import { activityResourceCounts } from './workload-index';

/** Everything the findings of one process rest on, and the findings themselves. */
export interface FindingsResult {
  process: string;
  cases: number;
  settings: FindingsSettings;
  /** Every edge with at least k cases, by time lost; computed when first read. */
  edges: EdgeWait[];
  /** The edges the bottleneck definition marks, with the workload around them, by time lost. */
  bottlenecks: BottleneckEdge[];
  /** Processing versus waiting time per activity (activities with at least k instances); computed when first read. */
  activities: ActivityTimes[];
  bestPractices: BestPractice[];
  automation: AutomationScore[];
  /** The findings: kinds in `FINDING_KINDS` order, each kind by its rank. */
  findings: Finding[];
}

/**
 * Builds the findings of one process: bottlenecks (waiting time per edge against the best
 * jobcenter, months, trend, workload), best practice (variants and jobcenters on duration,
 * compliance, conformance and outcome), automation candidates (score, hours, saving), and the
 * rule violations and model deviations handed in where they are loaded. Nothing comes from a
 * group under the minimum group size. Deterministic: same input and settings, same output.
 *
 * @example
 * const { findings } = buildFindings({ log, process: 'dagpenge' }, { hourlyCostDkk: 450 });
 */
export function buildFindings(input: FindingsInput, partial: Partial<FindingsSettings> = {}): FindingsResult {
  const settings = findingsSettings(partial);
  const { log } = input;
  const k = settings.minGroupSize;
  const inst = input.instances ?? pairActivityInstances(log);
  const transitions = collectTransitions(inst);
  const jobcenters = input.jobcenters ?? jobcenterCodes(input);
  const periods = input.periods ?? periodCodes(input);
  const factor = yearFactor(log);
  // Every edge's median now; its jobcenters, months and trend only where a finding reads them.
  const waits = edgeWaitTable({ transitions, activities: inst.activities, jobcenters, periods, minGroupSize: k, yearFactor: factor });
  const marked = markBottlenecks(waits.candidates, {
    minGroupSize: k,
    totalCases: log.caseIds.length,
    count: settings.bottleneckCount,
    minShare: settings.bottleneckMinShare,
  });
  // Who does each step: read by the workload around the bottlenecks and by the automation scores.
  const doers = activityResourceCounts(inst);
  const index = marked.length > 0 ? indexInstances(inst, doers) : undefined;
  const bottlenecks: BottleneckEdge[] = marked
    .map((i) => {
      const e = waits.wait(waits.candidates[i]!.edge);
      if (input.workingDurationMs) e.medianWorkingWaitMs = workingMedianWait(transitions, e.edge, input.workingDurationMs);
      return { ...e, workload: workloadAround(transitions, e.edge, inst, index) };
    })
    .sort((a, b) => b.timeLostMs - a.timeLostMs || b.medianWaitMs - a.medianWaitMs);
  const variants = input.variants ?? discoverVariants(log);
  const bestPractices = compareAll(input, jobcenters, variants, settings);
  const automation = automationScores(log, inst, settings, factor, doers);
  const ctx = { process: input.process, log, settings, transitions };
  const findings = [
    ...bottleneckFindings(bottlenecks, ctx),
    ...ruleFindings(input.ruleViolations ?? [], ctx),
    ...deviationFindings(input.deviations ?? [], ctx),
    ...automationFindings(automation, ctx),
    ...bestPracticeFindings(bestPractices, variants.variants, ctx),
  ].sort((a, b) => FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind) || a.rank - b.rank);
  let activities: ActivityTimes[] | undefined;
  let edges: EdgeWait[] | undefined;
  return {
    process: input.process,
    cases: log.caseIds.length,
    settings,
    // Computed when first read, like `activities` (the marked edges are the same objects as in `bottlenecks`' source).
    get edges() {
      return (edges ??= waits.all());
    },
    bottlenecks,
    // Computed when first read: the findings themselves do not use it (the service reads only `findings`).
    get activities() {
      return (activities ??= activityTimes(log, inst).filter((a) => a.instances >= k));
    },
    bestPractices,
    automation,
    findings,
  };
}

function compareAll(input: FindingsInput, jobcenters: CaseCodes, variants: Variants, settings: FindingsSettings): BestPractice[] {
  const { variantOfCase } = variants;
  const variantKeys = variants.variants.map((v) => v.key);
  const measures: [OutcomeMeasure, Float64Array][] = [['duration', durations(input)]];
  const { log } = input;
  const n = log.caseIds.length;
  if (input.compliantOfCase) measures.push(['compliance', rates(n, input.compliantOfCase)]);
  if (input.conformingOfCase) measures.push(['conformance', rates(n, input.conformingOfCase)]);
  if (input.succeededOfCase) measures.push(['outcome', rates(n, input.succeededOfCase)]);
  else if (input.outcome) {
    const column = log.caseAttributes.get(input.outcome.attribute);
    if (column) {
      const success = new Set(input.outcome.success);
      measures.push(['outcome', rates(n, (c) => (column.codes[c]! < 0 ? null : success.has(column.values[column.codes[c]!]!)))]);
    }
  }
  const dimensions: [GroupDimension, readonly string[], Int32Array][] = [
    ['jobcenter', jobcenters.names, jobcenters.codes],
    ['variant', variantKeys, variantOfCase],
  ];
  const out: BestPractice[] = [];
  for (const [dimension, groupNames, groupOf] of dimensions) {
    for (const [measure, all] of measures) {
      const values = dimension === 'variant' && measure === 'duration' ? sameEnding(all, variants) : all;
      const r = compareGroups({
        dimension,
        measure,
        groupNames,
        groupOf,
        values,
        minGroupSize: settings.minGroupSize,
        resamples: settings.bootstrapResamples,
        seed: settings.seed,
      });
      if (r) out.push(r);
    }
  }
  return out;
}

/**
 * Durations of the cases whose variant ends like the most frequent variant: comparing ways of
 * working on duration only makes sense between paths to the same end (a case that stops early is not fast).
 */
function sameEnding(durations: Float64Array, variants: Variants): Float64Array {
  const top = variants.variants[0];
  if (!top) return durations;
  const end = top.activities[top.activities.length - 1];
  const keep = variants.variants.map((v) => v.activities[v.activities.length - 1] === end);
  return durations.map((d, c) => (keep[variants.variantOfCase[c]!] ? d : Number.NaN));
}

function durations(input: FindingsInput): Float64Array {
  const { log } = input;
  const out = new Float64Array(log.caseIds.length);
  for (let c = 0; c < out.length; c++) {
    out[c] =
      input.finished && !input.finished(c) ? Number.NaN : log.timestamp[log.caseOffsets[c + 1]! - 1]! - log.timestamp[log.caseOffsets[c]!]!;
  }
  return out;
}

function rates(n: number, of: (c: number) => boolean | null): Float64Array {
  const out = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const v = of(c);
    out[c] = v === null ? Number.NaN : v ? 1 : 0;
  }
  return out;
}

/** What the finding makers need to know besides their own input. */
export interface FindingContext {
  process: string;
  log: EventLog;
  settings: FindingsSettings;
  transitions: ReturnType<typeof collectTransitions>;
}

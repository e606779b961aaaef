/**
 * Sagsflow mining core: pure functions over an in-memory event log, no I/O, so it
 * runs the same in Node (service) and in the Power BI visual's sandbox.
 * This is the only entry point; every export is named.
 *
 * @example
 * import { EventLogBuilder, discoverDfg, discoverVariants } from '../../shared/src/index';
 * const b = new EventLogBuilder();
 * b.addEvent('case 1', 'Tilmelding', Date.UTC(2024, 0, 2));
 * const log = b.build();
 * discoverDfg(log).edges; discoverVariants(log).variants;
 */

// Errors
export { SagsflowError, InvalidLogError, NotFoundError, MisuseError, InvalidModelError } from './errors';

// Event log
export * from './event-log/types';
export { EventLogBuilder } from './event-log/builder';
export { lifecycleCode } from './event-log/lifecycle-code';
export { selectCases, selectEvents } from './event-log/select';

// Lifecycle
export { pairActivityInstances, type ActivityInstances } from './lifecycle/activity-instances';
export { activityTimes, type ActivityTimes } from './lifecycle/activity-times';
export { keepCompleteEvents } from './lifecycle/keep-complete-events';

// Directly-follows graph, variants, statistics
export { discoverDfg, type Dfg, type DfgEdge } from './dfg/discover-dfg';
export { variantKey, VARIANT_KEY_SEPARATOR } from './variants/variant-key';
export { discoverVariants, compareSequences, type Variant, type Variants } from './variants/discover-variants';
export {
  durationStats,
  sortedDurationStats,
  durationStatsInPlace,
  quantileSorted,
  EMPTY_DURATION_STATS,
  type DurationStats,
} from './statistics/duration-stats';
export { caseStatistics, type CaseStatistics, type CaseStatisticsOptions } from './statistics/case-statistics';
export { activityStatistics, type ActivityStatistics } from './statistics/activity-statistics';

// Filters
export { filterLog } from './filters/filter-log';
export type { LogFilter, TimeframeMode } from './filters/types';

// Process map, simplification, bottlenecks
export { processMapFromDfg, sortEdges, type ProcessMap, type ProcessMapNode, type ProcessMapEdge } from './map/process-map';
export { processMapFromLog } from './map/process-map-from-log';
export { rankBottlenecks, type Bottleneck } from './map/rank-bottlenecks';
export { simplifyMap, type SimplifyOptions } from './simplify/simplify-map';

// Steps (the data contract) and histograms
export * from './steps/types';
export { discoverSteps, forEachStepRow, type GroupedStepRow, type DiscoverStepsOptions } from './steps/discover-steps';
export { aggregateSteps, type AggregatedSteps, type StepVariant } from './steps/aggregate-steps';
export {
  discoverStepInsight,
  type StepInsight,
  type GroupedStepInsight,
  type CaseAlignment,
  type StepInsightOptions,
} from './steps/step-insight';
export {
  formatRuleNames,
  readRuleNames,
  formatActivityNames,
  readActivityNames,
  readFindingNotes,
  type RuleName,
  type FindingNote,
} from './steps/insight-names';
export { aggregateStepInsight, insightEdgeKey, type AggregatedInsight, type InsightCounts } from './steps/aggregate-insight';
export * from './histogram/duration-buckets';
export * from './histogram/fine-buckets';
export { fineQuantile } from './histogram/fine-quantile';

// Privacy
export {
  applyMinimumGroupSize,
  formatGroupCount,
  OTHER_VARIANTS_KEY,
  type GroupedVariant,
  type VariantLike,
} from './privacy/minimum-group-size';
export { coarsenFineHistogram, coarsenFineHistogramInto, coarsenHistogram, coarsenHistogramInto } from './privacy/coarsen-histogram';
export { coarsenListedInto, type ListedHistogramOut } from './privacy/coarsen-histogram';

// What-if and the effect of a change
export { seededRandom } from './statistics/seeded-random';
export { bootstrapIntervals, stratifiedBootstrap, type BootstrapOptions, type Estimate } from './statistics/bootstrap';
export { applyChange, type WhatIfChange, type AppliedChange } from './whatif/apply-change';
export { predictWhatIf, type WhatIfOptions, type WhatIfPrediction, type ThroughputEstimate } from './whatif/predict-whatif';
export {
  measureEffect,
  type Effect,
  type EffectMethod,
  type EffectMetric,
  type EffectOptions,
  type GroupFigures,
  type RuleOutcomes,
} from './effect/measure-effect';

// Danish calendar: holidays, working days, local dates, deadline arithmetic
export { daysFromCivil, civilFromDays, isoWeekday, daysInMonth, formatIsoDate, parseIsoDate, type CivilDate } from './calendar/civil-date';
export { easterSunday } from './calendar/easter';
export { holidays, assertCalendar, CALENDAR_NAMES, LAST_STORE_BEDEDAG_YEAR, type CalendarName, type Holiday } from './calendar/holidays';
export { isHoliday, isWorkingDay, nextWorkingDay, addWorkingDays } from './calendar/working-days';
export { addDays, addWeeks, addMonths } from './calendar/add-period';
export { localDayNumber, localDayNumbers, localMidnightMs, utcOffsetMs } from './calendar/local-date';
export { workingDurationMs } from './calendar/working-duration';

// Rules: deadlines and compliance
export * from './rules/types';
export { evaluateRules, evaluateRule, type EvaluateRulesOptions } from './rules/evaluate-rules';
export { eventDays, type EventDays } from './rules/event-days';
export { deadlineDay } from './rules/deadline';
export { complianceRate, complianceByGroup, type GroupCompliance } from './rules/compliance';
// Conformance: workflow nets, alignments, token replay
export {
  buildWorkflowNet,
  relabelNet,
  netLabels,
  type WorkflowNet,
  type WorkflowNetSpec,
  type NetTransition,
} from './conformance/workflow-net';
export { checkWorkflowNet, type WorkflowNetEnds } from './conformance/check-workflow-net';
export { alignTrace, DEFAULT_ALIGNMENT_BUDGET, type AlignmentMove, type TraceAlignment } from './conformance/align-trace';
export { createAligner, type Aligner, type AlignerOptions } from './conformance/aligner';
export { alignLog, type LogAlignment, type VariantAlignment, type ActivityMoves, type TraceVariant } from './conformance/align-log';
export { replayTrace, replayLog, type TraceReplay, type LogReplay } from './conformance/token-replay';
export type { ProcessGraph, ProcessNode, ProcessNodeKind, ProcessFlow } from './conformance/process-graph';
export { processGraphToNet, MAX_INCLUSIVE_BRANCHES } from './conformance/process-graph-to-net';
export { compareLabels, type LabelComparison } from './conformance/compare-labels';
// Findings: bottlenecks, best practice, automation potential (issue 9)
export { buildFindings, type FindingsResult } from './findings/build-findings';
export { DEFAULT_FINDINGS_SETTINGS, findingsSettings, type FindingsSettings, type AutomationWeights } from './findings/settings';
export {
  FINDING_KINDS,
  type Finding,
  type FindingKind,
  type FindingsInput,
  type RuleViolationInput,
  type DeviationInput,
  type OutcomeSpec,
} from './findings/types';
export { findingId, trackFindings, type FindingPlace, type FindingStatus } from './findings/finding-id';
export {
  markBottlenecks,
  BOTTLENECK_DEFINITION,
  type BottleneckCandidate,
  type BottleneckDefinitionOptions,
} from './findings/bottleneck-definition';
export { edgeWaits, workingMedianWait, type EdgeWait, type JobcenterWait, type MonthWait } from './findings/edge-waits';
export { collectTransitions, type Transitions } from './findings/transitions';
export { workloadAround, weekNumber, weekStartMs, pearson, type Workload, type WorkloadWeek } from './findings/workload';
export { compareGroups, type BestPractice, type GroupOutcome, type OutcomeMeasure, type GroupDimension } from './findings/best-practice';
export { automationScores, type AutomationScore, type AutomationPart } from './findings/automation';
export { wilsonInterval, bootstrapMedianDifference, type Interval } from './findings/intervals';
export { monthlyTrend, type Trend } from './findings/trend';
export { normalisedEntropy } from './findings/entropy';
export { utcMonth, YEAR_MS } from './findings/case-codes';
export type { BottleneckEdge } from './findings/findings-of-bottlenecks';
